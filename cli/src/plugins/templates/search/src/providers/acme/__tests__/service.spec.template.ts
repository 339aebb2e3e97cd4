import type { SearchTypes } from "@medusajs/framework/types"
import { AcmeSearchProviderService } from "../service"

const definition = { physical_name: "products_v1", primary_key: "id" } as SearchTypes.ResolvedSearchIndexDefinition

function query(q: string, extra: Partial<SearchTypes.ProviderSearchQuery> = {}): SearchTypes.ProviderSearchQuery {
  return { index: definition, attributes_to_retrieve: ["id", "title"], q, ...extra }
}

describe("AcmeSearchProviderService", () => {
  let provider: AcmeSearchProviderService

  beforeEach(async () => {
    provider = new AcmeSearchProviderService()
    await provider.upsertIndex({ index: definition })
    await provider.upsertDocuments({
      index: "products_v1",
      definition,
      documents: [
        { id: "p1", title: "Organic Cotton Tee", status: "published" },
        { id: "p2", title: "Linen Shirt", status: "published" },
        { id: "p3", title: "Cotton Hoodie", status: "draft" },
      ],
    })
  })

  it("finds documents by words and filters, returning the requested attributes", async () => {
    const result = await provider.search(query("cotton", { filters: { status: "published" } }))
    expect(result.hits).toEqual([{ id: "p1", document: { id: "p1", title: "Organic Cotton Tee" } }])
    expect(result.metadata.count).toBe(1)
  })

  it("pages through the matches and reports the index in listIndexes", async () => {
    const page = await provider.search(query("", { pagination: { skip: 1, take: 1 } }))
    expect(page.hits.map((hit) => hit.id)).toEqual(["p2"])
    expect(page.metadata.count).toBe(3)
    expect(await provider.listIndexes()).toEqual([{ name: "products_v1", provider: "acme", document_count: 3 }])
  })

  it("deletes by filter and clears an index", async () => {
    await provider.deleteDocuments({ index: "products_v1", filters: { id: ["p1", "p2"] } })
    expect((await provider.search(query(""))).hits.map((hit) => hit.id)).toEqual(["p3"])
    await provider.clearIndex({ index: "products_v1" })
    expect((await provider.search(query(""))).metadata.count).toBe(0)
  })

  it("refuses facets and unknown indexes instead of answering wrongly", async () => {
    await expect(provider.search(query("", { search_options: { facets: ["status"] } }))).rejects.toThrow(/facets/)
    await expect(provider.clearIndex({ index: "nope" })).rejects.toThrow(/no index "nope"/)
  })
})
