/**
 * Entity ids in Medusa's format (`<prefix>_<ULID>`), made in bulk.
 *
 * Medusa gives every new row an id from the `ulid` package, which reads the system's random source once per
 * character. Profiling the synthetic catalog showed that alone at ~15 % of its CPU time (over half of creating
 * prices). Medusa keeps an id passed in with the data, so the bulk seeder passes its own: the same 26-character
 * ULID (48-bit millisecond time, then 80 random bits, Crockford base32), with the random part cut from one large
 * random buffer.
 */
import { randomBytes } from "node:crypto"

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const TIME_CHARS = 10
const RANDOM_CHARS = 16
const POOL_SIZE = 64 * 1024

let pool = randomBytes(POOL_SIZE)
let offset = 0

function timePart(now: number): string {
  let text = ""
  let rest = now
  for (let i = 0; i < TIME_CHARS; i++) {
    text = CROCKFORD[rest % 32] + text
    rest = Math.floor(rest / 32)
  }
  return text
}

function randomPart(): string {
  if (offset + RANDOM_CHARS > pool.length) {
    pool = randomBytes(POOL_SIZE)
    offset = 0
  }
  let text = ""
  for (let i = 0; i < RANDOM_CHARS; i++) {
    // 256 is a multiple of 32, so the low five bits of a random byte are uniform.
    text += CROCKFORD[pool[offset++] & 31]
  }
  return text
}

/** `entityId("prod")` → "prod_01J9Z3…": the form Medusa's own generateEntityId produces. */
export function entityId(prefix: string): string {
  return `${prefix}_${timePart(Date.now())}${randomPart()}`
}

/** Id prefixes of the rows the bulk seeder creates (those of Medusa 2.21.2's models). */
export const ID_PREFIX = {
  product: "prod",
  variant: "variant",
  inventoryItem: "iitem",
  inventoryLevel: "ilev",
  priceSet: "pset",
  price: "price",
} as const

/** Id prefixes of Medusa 2.21.2's link tables (link-modules definitions), by table name. */
export const LINK_ID_PREFIX: Record<string, string> = {
  product_sales_channel: "prodsc",
  product_shipping_profile: "prodsp",
  product_variant_price_set: "pvps",
  product_variant_inventory_item: "pvitem",
}
