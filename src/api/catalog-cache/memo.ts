/**
 * Values by key, least recently used out once their total weight passes `maxWeight` or there are more than
 * `maxEntries` of them; a load already running for a key is shared (a burst of requests for one new key runs one
 * query). A value heavier than the whole budget is returned, not kept; a failed load is not kept either.
 *
 * Keys embed the data generation they were read at, so a change never needs to find them: they are not asked for
 * again and age out.
 */
export class Memo<T> {
  private readonly values = new Map<string, T>()
  private readonly running = new Map<string, Promise<T>>()
  private total = 0

  constructor(
    private readonly maxWeight: number,
    private readonly maxEntries: number,
    private readonly weight: (value: T) => number = () => 1
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    if (this.values.has(key)) {
      const known = this.values.get(key) as T
      this.values.delete(key)
      this.values.set(key, known)
      return known
    }
    const pending = this.running.get(key)
    if (pending) {
      return pending
    }
    const loading = load()
      .then((value) => {
        this.remember(key, value)
        return value
      })
      .finally(() => this.running.delete(key))
    this.running.set(key, loading)
    return loading
  }

  private remember(key: string, value: T): void {
    if (this.weight(value) > this.maxWeight) {
      return
    }
    if (this.values.has(key)) {
      this.total -= this.weight(this.values.get(key) as T)
      this.values.delete(key)
    }
    this.values.set(key, value)
    this.total += this.weight(value)
    for (const [oldest, old] of this.values) {
      if (this.total <= this.maxWeight && this.values.size <= this.maxEntries) {
        break
      }
      this.values.delete(oldest)
      this.total -= this.weight(old)
    }
  }

  /** The total weight kept. */
  get size(): number {
    return this.total
  }
}
