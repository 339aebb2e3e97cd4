import { logger } from "@medusajs/framework/logger"
import { cdnPurges, metricsEnabled } from "../metrics"
import { settings } from "../settings"
import { CATALOG_KEY, STOCK_KEY, WIDE_STOCK_KEY } from "./surrogate-keys"

/** Keys announced within this window go out in one request. */
const BATCH_WINDOW_MS = 50
/** Cloudflare takes at most 30 tags per purge call (Fastly 256): one request carries no more. */
const KEYS_PER_REQUEST = 30
/** Waits before the 2nd, 3rd, … try: a CDN that is away for half a minute still gets every purge. */
const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000]
const REQUEST_TIMEOUT_MS = 5_000
/**
 * After the retries, what was not delivered is owed as a purge of the whole catalog, tried again this often until the
 * CDN takes it: a CDN away for an hour still gets purged when it is back, instead of keeping old prices a day.
 */
const OWED_RETRY_MS = 60_000
/** How long a stopping process waits for its purges (within the drain's own bound, TIENDA_DRAIN_TIMEOUT_SECONDS). */
export const SHUTDOWN_WAIT_MS = 10_000

type Fetch = typeof fetch

/**
 * Purges to the CDN (TIENDA_CDN_PURGE_URL): keys announced by the catalog's invalidation are batched, sent in the
 * background and retried; a change never waits on the CDN, and a CDN that is down never fails a request. One
 * request: `POST <url>` with `Surrogate-Key: k1 k2` (Fastly, Varnish with xkey) and the JSON body
 * `{"tags": [...], "surrogate_keys": [...]}` (Cloudflare reads `tags`), plus the credential header when set.
 * Keys the CDN still refuses after the retries are owed as one purge of `tienda-catalog`, tried again every minute.
 */
export class CdnPurger {
  private pending = new Set<string>()
  private timer: NodeJS.Timeout | undefined
  private inFlight = new Set<Promise<void>>()
  /** Keys of the deliveries not yet sent nor given up, each as often as a delivery carries it. */
  private delivering: string[][] = []
  /** A purge of the whole catalog is owed (a delivery failed after every retry); tried again by `owedTimer`. */
  private owed = false
  private owedTimer: NodeJS.Timeout | undefined
  /** The process is stopping: retries no longer wait, and nothing is scheduled for later. */
  private stopping = false
  /** Ends the retry waits under way (when the process starts stopping). */
  private wakeRetries = new Set<() => void>()

  constructor(
    private readonly target: { url: string; token?: string; tokenHeader: string },
    private readonly send: Fetch = fetch,
    private readonly retryDelaysMs: number[] = RETRY_DELAYS_MS,
    private readonly owedRetryMs: number = OWED_RETRY_MS
  ) {}

  announce(keys: string[]): void {
    for (const key of keys) {
      this.pending.add(key)
    }
    this.timer ??= setTimeout(() => this.flush(), BATCH_WINDOW_MS)
    this.timer.unref?.()
  }

  /** Resolves when every purge announced so far was sent or given up (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.timer || this.inFlight.size) {
      if (this.timer) {
        clearTimeout(this.timer)
        this.flush()
      }
      await Promise.all(this.inFlight)
    }
  }

  /**
   * For a stopping process: sends what it holds at once (retries stop waiting, an owed catalog purge goes now),
   * waits at most `ms`, and answers the keys still not delivered then: the CDN keeps those answers until their
   * s-maxage, and the caller says so.
   */
  async settledWithin(ms: number): Promise<string[]> {
    this.stopping = true
    for (const wake of this.wakeRetries) {
      wake()
    }
    if (this.owed) {
      clearTimeout(this.owedTimer)
      this.owedTimer = undefined
      this.owed = false
      this.announce([CATALOG_KEY])
    }
    let timer: NodeJS.Timeout | undefined
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms)
    })
    await Promise.race([this.settled(), timedOut])
    clearTimeout(timer)
    return [...new Set([...this.pending, ...this.delivering.flat(), ...(this.owed ? [CATALOG_KEY] : [])])]
  }

  private flush(): void {
    this.timer = undefined
    const keys = [...this.pending]
    this.pending.clear()
    for (let at = 0; at < keys.length; at += KEYS_PER_REQUEST) {
      const delivery = this.deliver(keys.slice(at, at + KEYS_PER_REQUEST))
      this.inFlight.add(delivery)
      void delivery.finally(() => this.inFlight.delete(delivery))
    }
  }

  private async deliver(keys: string[]): Promise<void> {
    this.delivering.push(keys)
    try {
      await this.deliverWithRetries(keys)
    } finally {
      this.delivering.splice(this.delivering.indexOf(keys), 1)
    }
  }

  private async deliverWithRetries(keys: string[]): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const failure = await this.sendOnce(keys)
      if (failure === undefined) {
        count("sent")
        return
      }
      const delay = this.retryDelaysMs[attempt]
      if (delay === undefined) {
        count("failed")
        logger.error(
          `CDN purge of ${keys.join(" ")} failed ${attempt + 1} times, last: ${failure}; the whole catalog will be purged once the CDN takes purges again`
        )
        this.oweCatalogPurge()
        return
      }
      count("retried")
      await this.waitBeforeRetry(delay)
    }
  }

  private waitBeforeRetry(ms: number): Promise<void> {
    if (this.stopping) {
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer)
        this.wakeRetries.delete(wake)
        resolve()
      }
      const timer = setTimeout(wake, ms)
      timer.unref?.()
      this.wakeRetries.add(wake)
    })
  }

  private oweCatalogPurge(): void {
    this.owed = true
    if (this.stopping || this.owedTimer) {
      return
    }
    this.owedTimer = setTimeout(() => {
      this.owedTimer = undefined
      this.owed = false
      this.announce([CATALOG_KEY])
    }, this.owedRetryMs)
    this.owedTimer.unref?.()
  }

  /** undefined when the CDN accepted the purge, else why not. */
  private async sendOnce(keys: string[]): Promise<string | undefined> {
    const headers: Record<string, string> = { "content-type": "application/json", "surrogate-key": keys.join(" ") }
    const { token, tokenHeader } = this.target
    if (token) {
      headers[tokenHeader.toLowerCase()] = tokenHeader.toLowerCase() === "authorization" ? `Bearer ${token}` : token
    }
    try {
      const response = await this.send(this.target.url, {
        method: "POST",
        headers,
        body: JSON.stringify({ tags: keys, surrogate_keys: keys }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      await response.arrayBuffer().catch(() => undefined)
      return response.ok ? undefined : `HTTP ${response.status}`
    } catch (error) {
      return String((error as Error)?.message ?? error)
    }
  }
}

function count(outcome: "sent" | "retried" | "failed"): void {
  if (metricsEnabled()) {
    cdnPurges.inc({ outcome })
  }
}

let processPurger: CdnPurger | null | undefined

/** This process's purger, or null when no purge endpoint is configured. */
export function cdnPurger(): CdnPurger | null {
  if (processPurger === undefined) {
    const { purgeUrl, purgeToken, purgeTokenHeader } = settings().httpCaching
    processPurger = purgeUrl ? new CdnPurger({ url: purgeUrl, token: purgeToken, tokenHeader: purgeTokenHeader }) : null
  }
  return processPurger
}

/**
 * When a process starts: the catalog is purged once. It cannot know which purges the process it replaces left
 * undelivered (killed, crashed while the CDN refused them), and a new release may answer the same URL differently;
 * a CDN kept those answers for a day otherwise. Costs one miss per cached URL after each start.
 */
export async function purgeCatalogAtStart(): Promise<void> {
  purgeFromCdn([CATALOG_KEY])
}

/**
 * Before the process exits (SIGTERM: Medusa's shutdown runs the modules' prepare-shutdown hooks): the purges it
 * still holds go out, or are named in the log, with what to do, when the CDN does not take them in time.
 */
export async function deliverPurgesBeforeExit(ms = SHUTDOWN_WAIT_MS): Promise<void> {
  const undelivered = await (processPurger ?? undefined)?.settledWithin(ms)
  if (undelivered?.length) {
    logger.error(
      `stopping with CDN purges not delivered (${undelivered.join(" ")}): the CDN keeps these answers until their s-maxage; purge them by hand`
    )
  }
}

/** Tells the CDN these keys' answers are stale (nothing happens without TIENDA_CDN_PURGE_URL). */
export function purgeFromCdn(keys: string[]): void {
  cdnPurger()?.announce(keys)
}

/** The catalog's generations moved: every catalog answer when the catalog did, else those that show stock. */
export function purgeGenerations(generations: Array<"catalog" | "inventory">): void {
  purgeFromCdn(generations.includes("catalog") ? [CATALOG_KEY] : [STOCK_KEY])
}

/** These products' stock changed: the answers that name them, and those showing too many products to name. */
export function purgeProductStock(productIds: string[]): void {
  purgeFromCdn([...productIds, WIDE_STOCK_KEY])
}
