/**
 * A Map with bounds: once it holds more than `maxEntries` values, or their total weight passes `maxWeight`, the
 * least recently used go first (reads and writes count as use; `peek` does not). A value heavier than the whole
 * budget is not kept, and it drops the key's older value (a key never answers with what its last write replaced).
 * `onEvict` hears every value the bounds push out (not the ones `delete`, `clear` or a rewrite remove).
 *
 * The one bounded map of the app: caches, memos and doorkeepers all keep their state in one of these.
 */
export interface BoundedMapLimits<K, V> {
  /** Values kept at most (default: no limit). */
  maxEntries?: number
  /** Total weight kept at most (default: no limit). */
  maxWeight?: number
  /** A value's weight (default 1). */
  weight?: (value: V, key: K) => number
  onEvict?: (key: K, value: V) => void
}

export class BoundedMap<K, V> {
  private readonly values = new Map<K, { value: V; weight: number }>()
  private total = 0
  private readonly maxEntries: number
  private readonly maxWeight: number

  constructor(private readonly limits: BoundedMapLimits<K, V> = {}) {
    this.maxEntries = limits.maxEntries ?? Infinity
    this.maxWeight = limits.maxWeight ?? Infinity
  }

  /** The value, made the most recently used. */
  get(key: K): V | undefined {
    const entry = this.values.get(key)
    if (entry === undefined) {
      return undefined
    }
    this.values.delete(key)
    this.values.set(key, entry)
    return entry.value
  }

  /** The value, leaving its place in the eviction order as it is. */
  peek(key: K): V | undefined {
    return this.values.get(key)?.value
  }

  has(key: K): boolean {
    return this.values.has(key)
  }

  /** Keeps the value as the most recently used; false when it is heavier than the whole budget (not kept). */
  set(key: K, value: V): boolean {
    this.delete(key)
    const weight = this.limits.weight?.(value, key) ?? 1
    if (weight > this.maxWeight) {
      return false
    }
    this.values.set(key, { value, weight })
    this.total += weight
    for (const [oldest, entry] of this.values) {
      if (this.values.size <= this.maxEntries && this.total <= this.maxWeight) {
        break
      }
      this.values.delete(oldest)
      this.total -= entry.weight
      this.limits.onEvict?.(oldest, entry.value)
    }
    return true
  }

  delete(key: K): boolean {
    const entry = this.values.get(key)
    if (entry === undefined) {
      return false
    }
    this.values.delete(key)
    this.total -= entry.weight
    return true
  }

  clear(): void {
    this.values.clear()
    this.total = 0
  }

  /** Values kept. */
  get size(): number {
    return this.values.size
  }

  /** Their total weight. */
  get weight(): number {
    return this.total
  }

  /** Keys, least recently used first. */
  keys(): IterableIterator<K> {
    return this.values.keys()
  }
}
