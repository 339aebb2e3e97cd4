export { parseSeedArgs, type SeedArgs } from "./args"
export { seedDemoStore, type SeedDemoStoreOptions, type SeedDemoStoreResult } from "./demo-store"
export { loadDemoData } from "./load-data"
export {
  SYNTHETIC_TAG,
  seedSyntheticCatalog,
  type SeedSyntheticCatalogOptions,
  type SeedSyntheticCatalogResult,
  type SyntheticProgress,
} from "./synthetic-catalog"
export type { DemoData, DemoStoreRefs, SeedLogger } from "./types"
