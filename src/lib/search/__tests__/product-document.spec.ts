import { compactForms, lowestPrices, PRODUCT_GRAPH_FIELDS, toProductDocument } from "../product-document"

describe("product search document", () => {
  const row = {
    id: "prod_1",
    title: "Organic Cotton Crew Tee",
    subtitle: null,
    description: "A tee",
    handle: "crew-tee",
    thumbnail: null,
    status: "published",
    created_at: "2026-01-02T03:04:05.000Z",
    type: { value: "T-Shirt" },
    collection: { id: "pcol_1", title: "Everyday Basics" },
    tags: [{ value: "unisex" }, { value: "unisex" }],
    categories: [
      { id: "pcat_1", name: "Tops", is_internal: false, is_active: true },
      { id: "pcat_staff", name: "Staff-Picks Clearance", is_internal: true, is_active: true },
      { id: "pcat_draft", name: "Winter-Launch", is_internal: false, is_active: false },
    ],
    sales_channels: [{ id: "sc_1" }, { id: "sc_2" }],
    options: [{ title: "Size", values: [{ value: "S" }, { value: "M" }] }],
    variants: [
      {
        id: "v1",
        sku: "TEE-S",
        options: [{ value: "S", option: { title: "Size" } }],
        prices: [
          { amount: 30, currency_code: "eur", rules_count: 0 },
          { amount: 10, currency_code: "eur", rules_count: 1 },
          { amount: 5, currency_code: "eur", price_list_id: "plist_1" },
          { amount: 35, currency_code: "USD" },
        ],
      },
      {
        id: "v2",
        sku: "TEE-M",
        options: [{ value: "M", option: { title: "Size" } }],
        prices: [{ amount: 28.5, currency_code: "eur" }],
      },
    ],
  }

  it("flattens a product into the index's fields", () => {
    const doc = toProductDocument(row, ["sc_1"])
    expect(PRODUCT_GRAPH_FIELDS).toEqual(expect.arrayContaining(["categories.is_internal", "categories.is_active"]))
    expect(doc).toEqual({
      id: "prod_1",
      title: "Organic Cotton Crew Tee",
      subtitle: null,
      description: "A tee",
      handle: "crew-tee",
      thumbnail: null,
      status: "published",
      created_at: "2026-01-02T03:04:05.000Z",
      type: "T-Shirt",
      collection_id: "pcol_1",
      collection: "Everyday Basics",
      tags: ["unisex"],
      category_ids: ["pcat_1"],
      categories: ["Tops"],
      skus: ["TEE-S", "TEE-M"],
      option_values: ["S", "M"],
      options: ["Size: S", "Size: M"],
      prices: { eur: 28.5, usd: 35 },
      sales_channel_ids: ["sc_1", "sc_2"],
      in_stock_sales_channel_ids: ["sc_1"],
      keywords: "tshirt",
    })
  })

  it("names only categories Medusa's store API shows: no internal or inactive one, anywhere in the document", () => {
    const doc = JSON.stringify(toProductDocument(row, []))
    for (const hidden of ["pcat_staff", "Staff-Picks", "staffpicks", "pcat_draft", "Winter-Launch", "winterlaunch"]) {
      expect({ hidden, found: doc.toLowerCase().includes(hidden.toLowerCase()) }).toEqual({ hidden, found: false })
    }
    // Rows read without the flags count as hidden: a field list that forgot them leaks nothing.
    expect(toProductDocument({ ...row, categories: [{ id: "pcat_x", name: "X" }] }, []).category_ids).toEqual([])
  })

  it("keeps the lowest base price per currency, ignoring price lists and rule-bound prices", () => {
    expect(lowestPrices(row.variants as any)).toEqual({ eur: 28.5, usd: 35 })
    expect(lowestPrices([])).toEqual({})
  })

  it("writes hyphenated compounds as one word for typo matching", () => {
    expect(compactForms(["T-Shirt", "Long-Sleeve Tee", null, "plain"])).toEqual(["tshirt", "longsleeve"])
  })
})
