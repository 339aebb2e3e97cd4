import { BoundedMap } from "../../lib/memo/bounded-map"
import { stringBytes } from "../../lib/string-bytes"

/**
 * The entries of the bounded caching provider: serialised JSON (a hit hands out a fresh copy, so a caller that
 * mutates what it got cannot change the cache), least recently used first out once the byte budget is spent, a
 * size cap per entry, a TTL per entry and a tag index for invalidation. Pure and synchronous, so it is unit-tested
 * on its own (see __tests__/lru-store.spec.ts).
 */
export interface StoreLimits {
  /** Bytes all entries may take together (JSON text, counted as V8 keeps it: 1 byte per Latin-1 character, else 2). */
  maxBytes: number
  /** An entry larger than this is not kept at all: big answers (product lists) are the read model's job. */
  maxEntryBytes: number
}

interface Entry {
  json: string
  bytes: number
  expiresAt: number
  tags: string[]
  autoInvalidate: boolean
}

/** What clear() is told: a key, or tags ("*" = everything); `autoInvalidate` set = an invalidation by events. */
export interface ClearRequest {
  key?: string
  tags?: string[]
  options?: { autoInvalidate?: boolean }
}

export class LruStore {
  private readonly entries: BoundedMap<string, Entry>
  private readonly tagIndex = new Map<string, Set<string>>()

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number = Date.now
  ) {
    this.entries = new BoundedMap({
      maxWeight: limits.maxBytes,
      weight: (entry) => entry.bytes,
      onEvict: (key, entry) => this.untag(key, entry),
    })
  }

  get size(): number {
    return this.entries.size
  }

  get usedBytes(): number {
    return this.entries.weight
  }

  get(key: string): unknown {
    const entry = this.live(key)
    if (!entry) {
      return null
    }
    // Most recently used goes last; eviction takes from the front.
    this.entries.get(key)
    return JSON.parse(entry.json)
  }

  getByTags(tags: string[]): unknown[] {
    const keys = new Set(tags.flatMap((tag) => [...(this.tagIndex.get(tag) ?? [])]))
    return [...keys]
      .map((key) => this.live(key))
      .filter((entry): entry is Entry => !!entry)
      .map((entry) => JSON.parse(entry.json))
  }

  /** Stores `data` for `ttlSeconds`; returns false when it is too large to keep (any older value is dropped). */
  set(key: string, data: unknown, ttlSeconds: number, tags: string[] = [], autoInvalidate = true): boolean {
    this.delete(key)
    const json = JSON.stringify(data)
    if (json === undefined) {
      return false
    }
    const bytes = stringBytes(json) + stringBytes(key)
    if (bytes > this.limits.maxEntryBytes) {
      return false
    }
    const entry = { json, bytes, expiresAt: this.now() + ttlSeconds * 1000, tags, autoInvalidate }
    if (!this.entries.set(key, entry)) {
      return false
    }
    for (const tag of tags) {
      let keys = this.tagIndex.get(tag)
      if (!keys) {
        this.tagIndex.set(tag, (keys = new Set()))
      }
      keys.add(key)
    }
    return true
  }

  /**
   * Medusa's semantics (its memory provider): a key clears that key; tags clear every entry carrying one of them,
   * "*" everything; an invalidation by events (`autoInvalidate: true`) spares entries stored with
   * `autoInvalidate: false`. Returns how many entries went.
   */
  clear({ key, tags, options }: ClearRequest): number {
    if (key) {
      return this.delete(key) ? 1 : 0
    }
    if (!tags?.length) {
      return 0
    }
    if (tags.includes("*")) {
      const count = this.entries.size
      this.entries.clear()
      this.tagIndex.clear()
      return count
    }
    let count = 0
    for (const tag of tags) {
      for (const taggedKey of [...(this.tagIndex.get(tag) ?? [])]) {
        const entry = this.entries.peek(taggedKey)
        if (entry && (options?.autoInvalidate !== true || entry.autoInvalidate) && this.delete(taggedKey)) {
          count++
        }
      }
    }
    return count
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.peek(key)
    if (entry && entry.expiresAt <= this.now()) {
      this.delete(key)
      return undefined
    }
    return entry
  }

  private delete(key: string): boolean {
    const entry = this.entries.peek(key)
    if (!entry) {
      return false
    }
    this.entries.delete(key)
    this.untag(key, entry)
    return true
  }

  private untag(key: string, entry: Entry): void {
    for (const tag of entry.tags) {
      const keys = this.tagIndex.get(tag)
      keys?.delete(key)
      if (keys && !keys.size) {
        this.tagIndex.delete(tag)
      }
    }
  }
}
