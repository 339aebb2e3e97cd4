import { Counter, Gauge, Histogram } from "prom-client"
import { metricsRegistry } from "./registry"

const registers = [metricsRegistry]

/** How the catalog cache answered a store read: hit, miss, fast_path (the read model), bypass (not cacheable). */
export type CatalogCacheResult = "hit" | "miss" | "fast_path" | "bypass"

export const catalogCacheRequests = new Counter({
  name: "tienda_catalog_cache_requests_total",
  help: "Store catalog reads by how the catalog cache answered: hit, miss, fast_path (read model), bypass",
  labelNames: ["result"] as const,
  registers,
})

export const readModelDocumentsRendered = new Counter({
  name: "tienda_read_model_documents_rendered_total",
  help: "Product documents the product-list read model rendered (on a miss, or by its prebuild)",
  registers,
})

export const readModelLastBuild = new Gauge({
  name: "tienda_read_model_last_build",
  help: "The read model's last complete prebuild of a rendering context: products, seconds, finished_at (Unix time)",
  labelNames: ["measure"] as const,
  registers,
})

export const searchDuration = new Histogram({
  name: "tienda_search_duration_seconds",
  help: "Store product searches, from request to answer",
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers,
})

export const searchZeroResults = new Counter({
  name: "tienda_search_zero_results_total",
  help: "Store product searches that found nothing",
  registers,
})

export const notificationSends = new Counter({
  name: "tienda_notification_sends_total",
  help: "Notifications sent by channel and outcome (sent, failed)",
  labelNames: ["channel", "outcome"] as const,
  registers,
})

/** How a batch of surrogate keys sent to the CDN's purge endpoint ended: sent, retried (one failed try), failed. */
export const cdnPurges = new Counter({
  name: "tienda_cdn_purges_total",
  help: "Purge requests to the CDN (TIENDA_CDN_PURGE_URL) by outcome: sent, retried (a try failed), failed (gave up)",
  labelNames: ["outcome"] as const,
  registers,
})

/**
 * Payments authorized for a cart that never got its order, by what the orphaned-payment job did: canceled (the
 * authorization voided), captured (money taken: a person refunds it), failed (the cart was locked or the provider
 * refused: tried again on the next run).
 */
export const orphanedPayments = new Counter({
  name: "tienda_orphaned_payments_total",
  help: "Payments left without their order by outcome: canceled, captured (refund by hand), failed (retried)",
  labelNames: ["outcome"] as const,
  registers,
})

/**
 * Cart completions cut off between writing the order and authorizing its payment (a process killed, an undo that
 * failed), undone so that the cart can be completed again: by a shopper's retry or by the worker's job, and whether
 * the undoing worked (failed: tried again).
 */
export const interruptedCompletions = new Counter({
  name: "tienda_interrupted_completions_total",
  help: "Completions cut off before their payment, undone, by outcome (rolled_back, failed) and by (retry, job)",
  labelNames: ["outcome", "by"] as const,
  registers,
})
