import { buildIndexBody, MAX_PREFIX_LENGTH } from "../index-body"
import { productFields } from "./fixtures"

const meta = { physical_name: "product_v1", primary_key: "id", fields: productFields, settings: {} }

describe("buildIndexBody", () => {
  const body = buildIndexBody(meta, { language: "english", shards: 1, replicas: 0 }) as any

  it("defines stemmed, plain and edge n-gram analyzers", () => {
    expect(body.settings.analysis.analyzer).toEqual({
      tienda_text: { type: "custom", tokenizer: "standard", filter: ["lowercase", "asciifolding", "tienda_stemmer"] },
      tienda_plain: { type: "custom", tokenizer: "standard", filter: ["lowercase", "asciifolding"] },
      tienda_prefix: {
        type: "custom",
        tokenizer: "standard",
        filter: ["lowercase", "asciifolding", "tienda_edge_ngram"],
      },
    })
    expect(body.settings.analysis.filter).toEqual({
      tienda_edge_ngram: { type: "edge_ngram", min_gram: 1, max_gram: MAX_PREFIX_LENGTH },
      tienda_stemmer: { type: "stemmer", language: "english" },
    })
    expect(body.settings).toMatchObject({
      number_of_shards: 1,
      number_of_replicas: 0,
      "mapping.ignore_malformed": true,
    })
  })

  it("drops the stemmer for language none", () => {
    const plain = buildIndexBody(meta, { language: "none", shards: 1, replicas: 1 }) as any
    expect(plain.settings.analysis.analyzer.tienda_text.filter).toEqual(["lowercase", "asciifolding"])
    expect(plain.settings.analysis.filter.tienda_stemmer).toBeUndefined()
  })

  it("maps every declared field explicitly, with keyword sub-fields for facets and n-grams for prefixes", () => {
    const p = body.mappings.properties
    expect(body.mappings.dynamic).toBe(false)
    expect(p.title).toEqual({
      type: "text",
      analyzer: "tienda_text",
      fields: {
        raw: { type: "keyword", ignore_above: 8191 },
        prefix: { type: "text", analyzer: "tienda_prefix", search_analyzer: "tienda_plain" },
      },
    })
    expect(p.status).toEqual({ type: "keyword", ignore_above: 8191 })
    expect(p.handle.fields.text).toEqual({ type: "text", analyzer: "tienda_text" })
    expect(p.variants).toEqual({ type: "object", properties: { sku: expect.objectContaining({ type: "keyword" }) } })
    expect(p.min_price).toEqual({ type: "double" })
    expect(p.in_stock).toEqual({ type: "boolean" })
    expect(p.created_at).toEqual({ type: "date", format: "strict_date_optional_time||epoch_millis" })
    expect(p.embedding).toBeUndefined()
  })

  it("keeps the definition in _meta so the index can be rebuilt from itself", () => {
    expect(body.mappings._meta.tienda_search).toEqual(meta)
  })
})
