import type { MedusaResponse } from "@medusajs/framework/http"
import { CatalogExchange } from "../../lib/catalog-cache/catalog-exchange"

/** The one place a request's exchange lives: by its response, gone with it. */
const exchanges = new WeakMap<MedusaResponse, CatalogExchange>()

/**
 * The request's exchange (see src/lib/catalog-cache/catalog-exchange.ts), made by the first middleware that asks.
 * Making it installs the catalog cache's one hook on the response: Medusa's `res.json` answer goes through
 * `exchange.answered`, which keeps it for the URL cache and lets the read model send its page instead.
 */
export function exchangeOf(res: MedusaResponse): CatalogExchange {
  let exchange = exchanges.get(res)
  if (!exchange) {
    exchange = new CatalogExchange()
    exchanges.set(res, exchange)
    hookAnswer(res, exchange)
  }
  return exchange
}

function hookAnswer(res: MedusaResponse, exchange: CatalogExchange): void {
  const json = res.json.bind(res)
  res.json = (body: unknown) => {
    res.json = json
    const assembled = exchange.answered(res.statusCode, body)
    if (assembled === undefined) {
      return json(body)
    }
    sendJsonBytes(res, assembled)
    return res
  }
}

/** Sends an answer that is already JSON bytes, with status 200. */
export function sendJsonBytes(res: MedusaResponse, body: Buffer): void {
  res.status(200).type("application/json; charset=utf-8").send(body)
}
