import type { Catalog } from "./database"

/**
 * The scenario table. A read scenario is a list of requests the load generator draws from at random (one entry:
 * a hot URL); `checkout` is the guest checkout loop of checkout.js, measured in orders/s; `search-rebuild` rebuilds
 * Tienda's product search index (stock Medusa defines no product index) and measures products per second.
 */
export interface BenchRequest {
  method?: "GET" | "POST"
  path: string
  body?: unknown
}

export interface Scenario {
  name: string
  description: string
  kind: "read" | "checkout" | "rebuild"
  requests?: (catalog: Catalog) => BenchRequest[]
  /** Shoppers running the checkout loop during a read scenario (every order changes stock). */
  buyers?: number
  /** A fixed request rate (requests/s over all connections) instead of as fast as the server answers. */
  rate?: number
  /** Left out of the default run: run it by naming it in BENCH_SCENARIOS. */
  optIn?: boolean
}

/** Fields a storefront asks for on a product list (as Medusa's Next.js starter does). */
export const FIELDS = "fields=*variants.calculated_price,%2Bvariants.inventory_quantity"
const RANDOM_URLS = 5000
const WORDS = ["shirt", "linen", "mug", "cotton", "lamp", "blue", "organic", "wool", "classic", "table"]

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)]
const many = (make: () => BenchRequest): BenchRequest[] => Array.from({ length: RANDOM_URLS }, make)

function randomListing(catalog: Catalog): BenchRequest {
  const region = pick(catalog.regions).id
  const filters = [
    "",
    `&category_id[]=${pick(catalog.categories)}`,
    `&collection_id[]=${pick(catalog.collections)}`,
    "&order=title",
    "&order=-created_at",
  ]
  const offset = Math.floor(Math.random() * Math.max(1, catalog.products - 20))
  return { path: `/store/products?limit=20&offset=${offset}&region_id=${region}${pick(filters)}&${FIELDS}` }
}

/**
 * A storefront's traffic: `distinct` listing URLs whose popularity follows Zipf's law (s = 1: the most viewed page
 * gets ~13 % of the views of 1,000 pages, the top ten ~39 %), drawn into the list the load generator picks from.
 */
function storefrontMix(catalog: Catalog, distinct = 1000): BenchRequest[] {
  const pages = Array.from({ length: distinct }, () => randomListing(catalog))
  const weights = pages.map((_page, rank) => 1 / (rank + 1))
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  return many(() => {
    let draw = Math.random() * total
    for (const [rank, weight] of weights.entries()) {
      draw -= weight
      if (draw <= 0) return pages[rank]
    }
    return pages[distinct - 1]
  })
}

export const scenarios: Scenario[] = [
  {
    name: "products-hot",
    description: "GET /store/products?limit=20 with region prices, one URL",
    kind: "read",
    requests: (c) => [{ path: `/store/products?limit=20&region_id=${c.regions[0].id}&${FIELDS}` }],
  },
  {
    name: "products-random",
    description: `product list, limit=20, random offset/region/filter (category, collection, order) over ${RANDOM_URLS} URLs`,
    kind: "read",
    requests: (c) => many(() => randomListing(c)),
  },
  {
    name: "products-random-buying",
    description:
      "`products-random` at a steady 100 requests/s while 2 shoppers check out (each order changes the stock the pages show)",
    kind: "read",
    requests: (c) => many(() => randomListing(c)),
    buyers: 2,
    rate: 100,
  },
  {
    name: "products-storefront",
    description:
      "a storefront's mix: 1,000 listing URLs with Zipf popularity (top page ~13 % of views, top ten ~39 %) while 2 shoppers check out (each order purges the stock it changed)",
    kind: "read",
    requests: (c) => storefrontMix(c),
    buyers: 2,
  },
  {
    name: "product-handle",
    description: "GET /store/products?handle=<random> with region prices (product page)",
    kind: "read",
    requests: (c) =>
      many(() => ({ path: `/store/products?handle=${pick(c.handles)}&region_id=${pick(c.regions).id}&${FIELDS}` })),
  },
  {
    name: "product-id",
    description:
      "GET /store/products/<random id> with region prices (product page by id, as `sdk.store.product.retrieve`)",
    kind: "read",
    requests: (c) =>
      many(() => ({ path: `/store/products/${pick(c.productIds)}?region_id=${pick(c.regions).id}&${FIELDS}` })),
  },
  {
    name: "categories",
    description: "GET /store/product-categories?limit=50",
    kind: "read",
    requests: () => [{ path: "/store/product-categories?limit=50" }],
  },
  { name: "regions", description: "GET /store/regions", kind: "read", requests: () => [{ path: "/store/regions" }] },
  {
    name: "search",
    description: "POST /store/search, product entity, a random word (whatever the server answers)",
    kind: "read",
    requests: () =>
      WORDS.map((q) => ({
        method: "POST",
        path: "/store/search",
        body: { entity: "product", filters: { q }, pagination: { take: 20 } },
      })),
  },
  {
    name: "search-rebuild",
    description:
      "rebuild of the product search index from Settings → Search (POST /admin/search-indexes/product/reindex), products/s; Tienda only",
    kind: "rebuild",
    // The seed rebuilds the same index (its time is in the log); opt-in to keep a first run under 15 minutes.
    optIn: true,
  },
  {
    name: "checkout",
    description: "guest checkout, 7 calls: cart, item, addresses, shipping, payment collection + session, complete",
    kind: "checkout",
  },
]
