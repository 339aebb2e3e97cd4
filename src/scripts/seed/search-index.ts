import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"

/**
 * Rebuilds the product search index from the seeded catalog, so the first `npm start` serves search at once.
 * A synthetic catalog is written through module services (no workflow events), so only a rebuild indexes it.
 * Skipped, with a log line, when the Search Module or a migrated product index is missing (the server then builds
 * the index when it starts).
 */
export async function buildSearchIndex(container: MedusaContainer): Promise<"built" | "skipped"> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const search = container.resolve(Modules.SEARCH, { allowUnregistered: true }) as any
  if (!search) {
    logger.info("search: no Search Module, nothing to index")
    return "skipped"
  }
  const started = Date.now()
  try {
    await search.reindex({ index: "product" })
  } catch (error) {
    logger.warn(
      `search: the product index was not rebuilt (${(error as Error).message}); the server builds it at start`
    )
    return "skipped"
  }
  logger.info(`search: product index rebuilt in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return "built"
}

/**
 * Activates the product index before anything is seeded into a new database. The Search Module indexes every
 * product, variant and stock event as it happens, and until the index has an active version each of those events
 * logs an error ("has no active version yet"): hundreds while the demo store is seeded. Activating the empty index
 * takes a moment; the events then keep it up to date, and the rebuild at the end covers what bypasses them.
 */
export async function activateSearchIndex(container: MedusaContainer): Promise<void> {
  const search = container.resolve(Modules.SEARCH, { allowUnregistered: true }) as any
  // A search module that cannot list its indexes (not migrated) is reported by the rebuild at the end, not here.
  const indexes: Array<{ name: string; status: string }> = search ? await search.listIndexes().catch(() => []) : []
  if (indexes.some((index) => index.name === "product" && index.status === "pending")) {
    await buildSearchIndex(container)
  }
}
