import { optional, setting } from "../define"
import { wholeNumber } from "../types/numbers"
import { onOff } from "../types/switches"
import { secret, text, url } from "../types/text"

/**
 * HTTP caching of the anonymous store catalog (src/lib/http-caching/): what browsers and a CDN may keep, and where a
 * change is announced so a CDN drops what it kept. `sharedMaxAge` and `staleWhileRevalidate` are undefined when
 * unset: 0 without a purge endpoint (a cache nobody purges would show an old price), a day and 30 s with one.
 */
export const httpCachingSettings = {
  enabled: setting("TIENDA_HTTP_CACHE", onOff, true, "ETags and public Cache-Control on anonymous catalog answers"),
  maxAge: setting("TIENDA_HTTP_MAX_AGE", wholeNumber("seconds"), 0, "seconds a browser may reuse a catalog answer"),
  sharedMaxAge: optional("TIENDA_HTTP_S_MAXAGE", wholeNumber("seconds"), "seconds a CDN may keep a catalog answer"),
  staleWhileRevalidate: optional(
    "TIENDA_HTTP_STALE_WHILE_REVALIDATE",
    wholeNumber("seconds"),
    "seconds an expired catalog answer may still be shown while it is fetched again"
  ),
  purgeUrl: optional("TIENDA_CDN_PURGE_URL", url(["http", "https"]), "where catalog changes are sent as purges"),
  purgeToken: optional("TIENDA_CDN_PURGE_TOKEN", secret(8), "credential sent with every purge"),
  purgeTokenHeader: setting(
    "TIENDA_CDN_PURGE_TOKEN_HEADER",
    text,
    "Authorization",
    "header that carries the purge credential (`Authorization` sends `Bearer <token>`)"
  ),
}
