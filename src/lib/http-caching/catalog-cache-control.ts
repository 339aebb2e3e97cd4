import { settings } from "../settings"

/** A day: how long a CDN that is purged on every change may keep a catalog answer, unless told otherwise. */
const PURGED_SHARED_MAX_AGE = 86_400
/** With a purged CDN: an answer past its age may be shown for 30 s more while the CDN fetches it again. */
const PURGED_STALE_WHILE_REVALIDATE = 30

/**
 * The Cache-Control of an anonymous catalog answer. Browsers keep it `TIENDA_HTTP_MAX_AGE` seconds (0: they ask
 * again each time, with the ETag, and get a 304 when nothing changed); shared caches `TIENDA_HTTP_S_MAXAGE`, by
 * default 0 without a purge endpoint, since nothing would tell a CDN that a price changed, and a day with one;
 * `stale-while-revalidate` likewise (a browser applies it too: without a CDN, no old price is ever shown).
 */
export function catalogCacheControl(): string {
  const { maxAge, sharedMaxAge, staleWhileRevalidate, purgeUrl } = settings().httpCaching
  const shared = sharedMaxAge ?? (purgeUrl ? PURGED_SHARED_MAX_AGE : 0)
  const stale = staleWhileRevalidate ?? (purgeUrl ? PURGED_STALE_WHILE_REVALIDATE : 0)
  const parts = ["public", `max-age=${maxAge}`, `s-maxage=${shared}`]
  if (stale > 0) {
    parts.push(`stale-while-revalidate=${stale}`)
  }
  return parts.join(", ")
}

/** Answers meant for one caller (a customer, a cart, an order, a session) are kept by no cache. */
export const PERSONAL_CACHE_CONTROL = "private, no-store"

/**
 * Request headers that change a catalog answer: the publishable key (its sales channels), the locale, and the
 * caller (a customer token or session gets the customer's prices; such answers are personal, and a shared cache
 * must not hand the anonymous one out in their place).
 */
export const CATALOG_VARY = ["x-publishable-api-key", "x-medusa-locale", "authorization", "cookie"]
