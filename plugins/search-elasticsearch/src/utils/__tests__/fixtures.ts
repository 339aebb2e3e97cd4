import type { SearchTypes } from "@medusajs/framework/types"

/** A product index like Tienda's: text, keywords, arrays of objects, numbers, dates, booleans. */
export const productFields: Record<string, SearchTypes.SearchFieldDefinition> = {
  id: { type: "keyword", filterable: true, sortable: true },
  title: { type: "text", searchable: { weight: 3 }, sortable: true },
  description: { type: "text", searchable: true },
  handle: { type: "keyword", searchable: true, filterable: true },
  status: { type: "keyword", filterable: true },
  tags: { type: "keyword", array: true, filterable: true, facetable: true },
  variants: { type: "object", array: true, fields: { sku: { type: "keyword", searchable: true, filterable: true } } },
  min_price: { type: "float", filterable: true, sortable: true, facetable: { types: ["range", "stats", "value"] } },
  in_stock: { type: "boolean", filterable: true, facetable: true },
  created_at: { type: "date", filterable: true, sortable: true, facetable: { types: ["range"] } },
  embedding: { type: "vector", dimensions: 3 },
}

export function productIndex(
  overrides: Partial<SearchTypes.ResolvedSearchIndexDefinition> = {}
): SearchTypes.ResolvedSearchIndexDefinition {
  return {
    name: "product",
    entity: "product",
    primary_key: "id",
    provider: "elasticsearch",
    fields: productFields,
    settings: {},
    definition_hash: "hash",
    physical_name: "product_v1",
    seed: async function* () {},
    ...overrides,
  }
}
