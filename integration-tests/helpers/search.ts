import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/** POST /store/search for the product index; returns the one result. */
export async function searchProducts(api: any, headers: object, body: Record<string, unknown> = {}) {
  const response = await api.post("/store/search", { entity: "product", ...body }, headers)
  return response.data.results[0] as {
    hits: { id: string; document: Record<string, any>; score?: number }[]
    facets?: Record<string, any>
    metadata: { count: number | null; skip: number; take: number }
  }
}

/** The titles of a result's hits, in order. */
export const titles = (result: { hits: { document: Record<string, any> }[] }) =>
  result.hits.map((hit) => hit.document.title)

/** Polls until `check` passes (events are applied asynchronously); the last failure is rethrown after `ms`. */
export async function eventually<T>(check: () => Promise<T>, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) {
        throw error
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

/** Documents in the product index, straight from the Search Module (no store scoping). */
export async function indexedCount(container: MedusaContainer): Promise<number> {
  const search = container.resolve(Modules.SEARCH) as any
  const result = await search.search({ entity: "product", pagination: { take: 0 }, search_options: { count: "exact" } })
  return result.metadata.count
}

/** Rebuilds the product index the way Settings → Search does, and waits for it. */
export async function rebuildIndex(container: MedusaContainer): Promise<void> {
  const search = container.resolve(Modules.SEARCH) as any
  await search.reindex({ index: "product" })
}
