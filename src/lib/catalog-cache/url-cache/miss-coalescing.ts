import { logCatalogCache } from "../log"
import type { BodyStore } from "../stores/store-types"

/** Misses being read from Medusa right now, by key: identical requests wait for the first one (no stampede). */
const inFlight = new Map<string, Promise<Buffer | undefined>>()

/** A miss being read: it ends once, with an answer to keep and share, or without one. */
export interface UrlCacheMiss {
  /** Keeps a 200 answer under the key and hands it to the requests waiting for it. */
  remember(answer: Buffer): void
  /** No answer to share (an error status, a client that hung up): the waiting requests get none and read again. */
  abandon(): void
}

/** The answer another request is reading for this key right now, if one is (undefined when it ends without one). */
export function answerInFlight(key: string): Promise<Buffer | undefined> | undefined {
  return inFlight.get(key)
}

/** This request reads the key from Medusa: later identical requests wait for its answer. */
export function startMiss(key: string, store: BodyStore): UrlCacheMiss {
  let settle: (answer: Buffer | undefined) => void = () => {}
  const reading = new Promise<Buffer | undefined>((resolve) => (settle = resolve))
  inFlight.set(key, reading)
  let ended = false
  const end = (answer: Buffer | undefined) => {
    if (ended) {
      return
    }
    ended = true
    if (inFlight.get(key) === reading) {
      inFlight.delete(key)
    }
    settle(answer)
  }
  return {
    remember(answer) {
      if (!ended) {
        store.set(key, answer).catch((error) => logCatalogCache("warn", "write failed", error))
      }
      end(answer)
    },
    abandon: () => end(undefined),
  }
}
