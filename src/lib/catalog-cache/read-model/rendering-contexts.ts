import { BoundedMap } from "../../memo/bounded-map"
import { parseProductListQuery } from "../fast-path/product-list-query"
import type { ProductListRequest } from "./rendering-key"

/**
 * The rendering contexts Medusa has worked out, remembered for the fast path. A product's stored document is keyed
 * by its rendering key (rendering-key.ts): fields, pricing and tax context, sales channels, generation.
 * Medusa's route middlewares compute those contexts from the URL's rendering parameters (region, country,
 * province, fields) and the publishable key; the read model records here which rendering key they gave, so a
 * later anonymous request with the same parameters finds its documents without running those middlewares.
 *
 * An entry is only good for the generation it was made at (a region change, say, bumps it). Bounded: the least
 * recently used context goes first.
 */
const MAX_CONTEXTS = 1_000

interface RenderingEntry {
  generation: string
  renderingKey: string
}

const contexts = new BoundedMap<string, RenderingEntry>({ maxEntries: MAX_CONTEXTS })

/** The name of a context: publishable key, its sales channels (as Medusa read them) and the rendering parameters. */
export function renderingContextName(publishableKey: string, salesChannelIds: string[], rendering: string): string {
  return `${publishableKey}\n${[...salesChannelIds].sort().join(",")}\n${rendering}`
}

export function rememberRenderingContext(name: string, generation: string, renderingKey: string): void {
  contexts.set(name, { generation, renderingKey })
}

/** The rendering key of a context at this generation, if Medusa has worked it out since the last change. */
export function renderingKeyOf(name: string, generation: string): string | undefined {
  const entry = contexts.get(name)
  return entry?.generation === generation ? entry.renderingKey : undefined
}

/** Records the rendering key Medusa's middlewares gave an anonymous request's context (for the fast path). */
export function rememberContextOf(req: ProductListRequest, generation: string, renderingKey: string): void {
  const publishableKey = req.get("x-publishable-api-key")
  const salesChannelIds = req.publishable_key_context?.sales_channel_ids
  const parsed = parseProductListQuery(req.originalUrl)
  const anonymous = !req.headers.authorization && !req.headers["x-medusa-locale"]
  if (parsed && publishableKey && salesChannelIds?.length && anonymous) {
    rememberRenderingContext(
      renderingContextName(publishableKey, salesChannelIds, parsed.rendering),
      generation,
      renderingKey
    )
  }
}

/** For tests: forget every context. */
export function forgetRenderingContexts(): void {
  contexts.clear()
}
