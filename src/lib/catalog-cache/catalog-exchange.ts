import type { UrlCacheMiss } from "./url-cache/miss-coalescing"
import type { Generations } from "./stores/store-types"

/** Turns Medusa's 200 answer into the bytes to send instead, or undefined to send Medusa's own. */
export type AnswerAssembler = (body: unknown) => Buffer | undefined

/**
 * What the catalog cache's middlewares share about one request, instead of closures in `res.locals` and stacked
 * `res.json` patches. Made once per request (src/api/catalog-cache/exchange-of.ts), which also installs the one hook
 * on Medusa's answer; the hook asks `answered` what to send.
 * - the URL cache sets `generations` (read before Medusa's middlewares) and, on a miss, the `miss` to settle;
 * - the read model, when Medusa's handler must render missing documents, sets the assembler that turns Medusa's
 *   answer into the whole page.
 */
export class CatalogExchange {
  /** Read before Medusa's middlewares: whatever the request reads after is at least this fresh. */
  generations?: Generations
  private miss?: UrlCacheMiss
  private assembler?: AnswerAssembler

  /** The URL cache missed: the answer goes to the cache and to identical requests waiting for it. */
  awaitAnswer(miss: UrlCacheMiss): void {
    this.miss = miss
  }

  /** The read model completes Medusa's answer (rendered documents) into the page. */
  assembleWith(assembler: AnswerAssembler): void {
    this.assembler = assembler
  }

  /**
   * Medusa answered `body` with `status`: the bytes to send instead (the read model's page), or undefined to send
   * Medusa's answer as it is. A 200 answer is kept for the miss; any other status abandons it.
   */
  answered(status: number, body: unknown): Buffer | undefined {
    if (status !== 200) {
      this.miss?.abandon()
      return undefined
    }
    const assembled = this.assembler?.(body)
    if (this.miss) {
      this.miss.remember(assembled ?? Buffer.from(JSON.stringify(body)))
    }
    return assembled
  }

  /** An answer made without Medusa's handler (the read model had every document). */
  answeredHere(answer: Buffer): void {
    this.miss?.remember(answer)
  }

  /** The response closed: a miss not settled by now has no answer to share. */
  closed(): void {
    this.miss?.abandon()
  }
}
