import { BoundedMap } from "../../memo/bounded-map"

/**
 * Answers the fast path assembles cheaply are cached only when their URL comes a second time (a doorkeeper, as in
 * TinyLFU): a crawl over random pages would otherwise push the hot pages out. Keys seen once are remembered up to
 * MAX_SEEN, the least recently seen forgotten first.
 */
const MAX_SEEN = 50_000

const seenOnce = new BoundedMap<string, true>({ maxEntries: MAX_SEEN })

/** True on a key's second sighting (the key is then forgotten: its answer is in the URL cache by now). */
export function secondSighting(key: string): boolean {
  if (seenOnce.delete(key)) {
    return true
  }
  seenOnce.set(key, true)
  return false
}
