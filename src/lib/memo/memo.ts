import { BoundedMap, type BoundedMapLimits } from "./bounded-map"

/**
 * Loaded values by key, in a BoundedMap: a load already running for a key is shared (a burst of requests for one
 * new key runs one query), a failed load is not kept, a value heavier than the whole budget is returned, not kept.
 *
 * The catalog's keys embed the data generation they were read at, so a change never needs to find them: they are
 * not asked for again and age out.
 */
export class Memo<T> {
  private readonly values: BoundedMap<string, T>
  private readonly running = new Map<string, Promise<T>>()

  constructor(limits: BoundedMapLimits<string, T>) {
    this.values = new BoundedMap(limits)
  }

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.values.has(key)) {
      return this.values.get(key) as T
    }
    const pending = this.running.get(key)
    if (pending) {
      return pending
    }
    const loading = load()
      .then((value) => {
        this.values.set(key, value)
        return value
      })
      .finally(() => this.running.delete(key))
    this.running.set(key, loading)
    return loading
  }

  /** Values kept. */
  get size(): number {
    return this.values.size
  }

  /** Their total weight. */
  get weight(): number {
    return this.values.weight
  }
}
