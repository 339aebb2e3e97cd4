/**
 * Seeds the Tienda demo store (data/*.json), and optionally a synthetic catalog on top of it.
 *
 *   npx medusa exec ./src/scripts/seed.ts                      demo store only; does nothing if already seeded
 *   npx medusa exec ./src/scripts/seed.ts products=10000       + 10,000 synthetic products (3 variants each)
 *   npx medusa exec ./src/scripts/seed.ts -- --products 10000  the same (the CLI refuses a bare `--products`)
 *
 * Integration tests call seedDemoStore / seedSyntheticCatalog with their own container instead.
 */
import type { ExecArgs } from "@medusajs/framework/types"
import { argvAfterDoubleDash, parseSeedArgs } from "./seed/args"
import { seedDemoStore } from "./seed/demo-store"
import { activateSearchIndex, buildSearchIndex } from "./seed/search-index"
import { seedSyntheticCatalog } from "./seed/synthetic-catalog"

export * from "./seed/index"

export default async function seed({ container, args }: ExecArgs): Promise<void> {
  const options = parseSeedArgs([...(args ?? []), ...argvAfterDoubleDash()])
  await activateSearchIndex(container)
  if (options.products) {
    await seedSyntheticCatalog(container, { products: options.products })
  } else {
    await seedDemoStore(container)
  }
  // Leaves the product search index built from what was just seeded.
  await buildSearchIndex(container)
}
