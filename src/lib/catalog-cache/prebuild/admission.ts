/**
 * Which rendering contexts the read model builds ahead (prebuild.ts). Building one renders the whole
 * catalog, so a context is admitted only once real traffic has used it repeatedly, and places are few:
 * - a context is a candidate from its first request; it is admitted when `threshold` distinct URLs of it arrived
 *   within `windowMs` (the same URL again is the URL cache's business and proves nothing);
 * - candidates are bounded; when full, the one with the fewest URLs goes (the oldest of those), so a flood of
 *   one-request contexts churns among itself and never displaces a context with real traffic;
 * - at most `perKey` admitted contexts per publishable key and `total` in all; a place is given up only by a context
 *   nobody used for `idleMs`, so a flood of new contexts, however large, cannot push out one that traffic uses.
 * Pure (time is passed in): unit-tested.
 */

export interface AdmissionLimits {
  /** Distinct URLs of a context, within `windowMs`, that admit it. */
  threshold: number
  windowMs: number
  /** An admitted context unused this long may give its place to a new one. */
  idleMs: number
  perKey: number
  total: number
  /** Candidates remembered while they gather URLs. */
  candidates: number
}

export const DEFAULT_ADMISSION_LIMITS: AdmissionLimits = {
  threshold: 5,
  windowMs: 10 * 60_000,
  idleMs: 60 * 60_000,
  perKey: 6,
  total: 20,
  candidates: 500,
}

interface Candidate {
  windowStart: number
  urls: Set<string>
}

export interface AdmittedContext<T> {
  publishableKey: string
  query: string
  lastUsed: number
  data: T
}

export function contextName(publishableKey: string, query: string): string {
  return `${publishableKey}?${query}`
}

export class PrebuildAdmission<T> {
  private readonly candidates = new Map<string, Candidate>()
  private readonly admitted = new Map<string, AdmittedContext<T>>()

  constructor(private readonly limits: AdmissionLimits = DEFAULT_ADMISSION_LIMITS) {}

  /** Admitted contexts, in the order they were admitted. */
  contexts(): AdmittedContext<T>[] {
    return [...this.admitted.values()]
  }

  /** A request answered in an admitted context (from any path): keeps its place. */
  use(publishableKey: string, query: string, now: number): AdmittedContext<T> | undefined {
    const context = this.admitted.get(contextName(publishableKey, query))
    if (context) {
      context.lastUsed = now
    }
    return context
  }

  /**
   * A request of a context that is not admitted, at `url` (any short string naming the request). True when the
   * context has now gathered enough distinct URLs and there is a place it could take: the caller then checks it
   * (see prebuild.ts) and calls `admit`.
   */
  sighting(publishableKey: string, query: string, url: string, now: number): boolean {
    const name = contextName(publishableKey, query)
    if (this.admitted.has(name)) {
      return false
    }
    let candidate = this.candidates.get(name)
    if (candidate && now - candidate.windowStart > this.limits.windowMs) {
      this.candidates.delete(name)
      candidate = undefined
    }
    if (!candidate) {
      this.makeRoomForCandidate()
      candidate = { windowStart: now, urls: new Set() }
      this.candidates.set(name, candidate)
    }
    if (candidate.urls.size < this.limits.threshold) {
      candidate.urls.add(url)
    }
    return candidate.urls.size >= this.limits.threshold && this.placeFor(publishableKey, now) !== null
  }

  /** Forgets a candidate (it did not pass the caller's checks): it has to gather its URLs again. */
  reject(publishableKey: string, query: string): void {
    this.candidates.delete(contextName(publishableKey, query))
  }

  /** Admits a candidate that reached the threshold, if a place is free or idle; the admitted context, or undefined. */
  admit(publishableKey: string, query: string, data: T, now: number): AdmittedContext<T> | undefined {
    const name = contextName(publishableKey, query)
    const candidate = this.candidates.get(name)
    if (this.admitted.has(name) || !candidate || candidate.urls.size < this.limits.threshold) {
      return undefined
    }
    const place = this.placeFor(publishableKey, now)
    if (place === null) {
      return undefined
    }
    if (place !== undefined) {
      this.admitted.delete(place)
    }
    this.candidates.delete(name)
    const context = { publishableKey, query, lastUsed: now, data }
    this.admitted.set(name, context)
    return context
  }

  /**
   * Where a new context of this key would go: undefined for a free place, the name of the idlest context idle for
   * `idleMs` that it would replace, or null when there is none.
   */
  private placeFor(publishableKey: string, now: number): string | undefined | null {
    const ofKey = [...this.admitted.entries()].filter(([, context]) => context.publishableKey === publishableKey)
    const keyFull = ofKey.length >= this.limits.perKey
    if (!keyFull && this.admitted.size < this.limits.total) {
      return undefined
    }
    // The key's own contexts when the key is full, any context when the whole set is.
    const pool = keyFull ? ofKey : [...this.admitted.entries()]
    let idlest: [string, AdmittedContext<T>] | undefined
    for (const entry of pool) {
      if (now - entry[1].lastUsed >= this.limits.idleMs && (!idlest || entry[1].lastUsed < idlest[1].lastUsed)) {
        idlest = entry
      }
    }
    return idlest ? idlest[0] : null
  }

  private makeRoomForCandidate(): void {
    if (this.candidates.size < this.limits.candidates) {
      return
    }
    let fewest: string | undefined
    let size = Infinity
    for (const [name, candidate] of this.candidates) {
      if (candidate.urls.size < size) {
        fewest = name
        size = candidate.urls.size
      }
    }
    this.candidates.delete(fewest as string)
  }
}
