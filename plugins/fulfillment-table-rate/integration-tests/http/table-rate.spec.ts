import { integrationTestRunner } from "../../../../integration-tests/helpers/test-runner"
import { seedDemoStore } from "../../../../src/scripts/seed"
import { adminHeaders, createAdmin } from "../../../../integration-tests/helpers/admin"
import { failure, MADRID_ADDRESS, publishableKey } from "../../../../integration-tests/helpers/store"
import products from "../../../../data/products.json"
import inventory from "../../../../data/inventory.json"
import stockLocations from "../../../../data/stock-locations.json"
import { pdfTextLines } from "../pdf-text"

jest.setTimeout(180_000)

const PROVIDER_ID = "table-rate_table-rate"

/** EUR: < 1 kg €4.95 (€2.95 from €50), 1–3 kg €7.95, nothing from 3 kg; €0.10 per unit; free from €150. */
const TABLE = {
  rows: [
    { currency_code: "eur", min_weight: 0, max_weight: 1000, min_subtotal: 0, max_subtotal: 5000, price: 495 },
    { currency_code: "eur", min_weight: 0, max_weight: 1000, min_subtotal: 5000, max_subtotal: null, price: 295 },
    { currency_code: "eur", min_weight: 1000, max_weight: 3000, min_subtotal: 0, max_subtotal: null, price: 795 },
    { currency_code: "usd", min_weight: 0, max_weight: null, min_subtotal: 0, max_subtotal: null, price: 550 },
  ],
  handling_fee: { eur: 10 },
  free_over: { eur: 15000 },
}

/** Demo variants with at least 10 units in stock in Madrid, so any quantity the tests use can be sold. */
const variants = (products as any[])
  .flatMap((product) => product.variants)
  .filter((v) => ((inventory as Record<string, Record<string, number>>)[v.sku]?.madrid ?? 0) >= 10)
/** A demo variant by predicate on its data (weight grams, EUR cents). */
function pick(predicate: (v: any) => boolean): any {
  const found = variants.find(predicate)
  if (!found) {
    throw new Error("no demo variant fits the test")
  }
  return found
}

/** What the table above must charge, in cents, computed independently of the plugin. */
function expectedCents(lines: { variant: any; quantity: number }[]): number | null {
  const grams = lines.reduce((sum, l) => sum + l.variant.weight * l.quantity, 0)
  const cents = lines.reduce((sum, l) => sum + l.variant.prices.eur * l.quantity, 0)
  const units = lines.reduce((sum, l) => sum + l.quantity, 0)
  if (grams >= 3000) {
    return null
  }
  if (cents >= 15000) {
    return 0
  }
  const base = grams < 1000 ? (cents < 5000 ? 495 : 295) : 795
  return base + 10 * units
}

integrationTestRunner({
  template: "seeded",
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let store: { headers: Record<string, string> }
    let optionId: string
    let europeId: string
    let variantIds: Record<string, string>

    beforeAll(async () => {
      await seedDemoStore(getContainer())
      await createAdmin(getContainer())
      admin = await adminHeaders(api)
      store = { headers: { "x-publishable-api-key": await publishableKey(getContainer()) } }

      const { data: locations } = await api.get(
        "/admin/stock-locations?fields=id,name,*fulfillment_sets,*fulfillment_sets.service_zones",
        admin
      )
      const madrid = locations.stock_locations.find((l: any) => l.name === "Madrid Warehouse")
      await api.post(`/admin/stock-locations/${madrid.id}/fulfillment-providers`, { add: [PROVIDER_ID] }, admin)
      const zone = madrid.fulfillment_sets[0].service_zones[0]
      const { data: profiles } = await api.get("/admin/shipping-profiles", admin)
      const { data: created } = await api.post(
        "/admin/shipping-options",
        {
          name: "Table test",
          service_zone_id: zone.id,
          shipping_profile_id: profiles.shipping_profiles[0].id,
          provider_id: PROVIDER_ID,
          price_type: "calculated",
          data: { id: "table-rate" },
          type: { label: "Table test", code: "table-test", description: "by weight" },
          prices: [],
          rules: [
            { attribute: "enabled_in_store", operator: "eq", value: "true" },
            { attribute: "is_return", operator: "eq", value: "false" },
          ],
        },
        admin
      )
      optionId = created.shipping_option.id
      await api.post(`/admin/table-rates/${optionId}`, TABLE, admin)

      const { data: regions } = await api.get("/store/regions", store)
      europeId = regions.regions.find((r: any) => r.currency_code === "eur").id
      const { data: catalog } = await api.get("/store/products?limit=100&fields=variants.id,variants.sku", store)
      variantIds = Object.fromEntries(catalog.products.flatMap((p: any) => p.variants.map((v: any) => [v.sku, v.id])))
    })

    async function cartWith(lines: { variant: any; quantity: number }[]): Promise<string> {
      const { data } = await api.post(
        "/store/carts",
        { region_id: europeId, email: "table@example.com", shipping_address: MADRID_ADDRESS },
        store
      )
      for (const line of lines) {
        await api.post(
          `/store/carts/${data.cart.id}/line-items`,
          { variant_id: variantIds[line.variant.sku], quantity: line.quantity },
          store
        )
      }
      return data.cart.id
    }

    async function calculate(cartId: string) {
      const { data } = await api.post(`/store/shipping-options/${optionId}/calculate`, { cart_id: cartId }, store)
      return data.shipping_option
    }

    const light = pick((v) => v.weight < 400 && v.prices.eur < 2000)
    const heavy = pick((v) => v.weight >= 1200 && v.weight < 2500 && v.prices.eur < 15000)

    it("lists the option and its table for the merchant", async () => {
      const { data } = await api.get("/admin/table-rates", admin)
      const option = data.shipping_options.find((o: any) => o.id === optionId)
      expect(option.rate_table.rows).toHaveLength(4)
      expect(option.rate_table.version).toBe(1)
      expect(data.currencies).toEqual(expect.arrayContaining(["eur", "usd"]))
    })

    it("seeds the demo store with table-rate Standard and Express in both regions", async () => {
      const { data } = await api.get("/admin/table-rates", admin)
      const seeded = data.shipping_options.filter((o: any) => o.id !== optionId)
      expect(seeded.map((o: any) => `${o.name} · ${o.service_zone}`).sort()).toEqual([
        "Express · Europe",
        "Express · United States",
        "Standard · Europe",
        "Standard · United States",
      ])
      for (const option of seeded) {
        expect(option).toMatchObject({ provider_id: PROVIDER_ID, price_type: "calculated" })
        expect(option.rate_table.version).toBe(1)
      }

      // A US cart is priced from the New Jersey "Standard" table of the data, in USD.
      const { data: regions } = await api.get("/store/regions", store)
      const usa = regions.regions.find((r: any) => r.currency_code === "usd")
      const address = {
        first_name: "John",
        last_name: "Smith",
        address_1: "1 Main St",
        city: "Newark",
        province: "NJ",
        postal_code: "07102",
        country_code: "us",
      }
      const { data: created } = await api.post(
        "/store/carts",
        { region_id: usa.id, email: "us@example.com", shipping_address: address },
        store
      )
      await api.post(
        `/store/carts/${created.cart.id}/line-items`,
        { variant_id: variantIds[light.sku], quantity: 1 },
        store
      )
      const { data: listed } = await api.get(`/store/shipping-options?cart_id=${created.cart.id}`, store)
      const standard = listed.shipping_options.find((o: any) => o.name === "Standard")
      expect(standard.price_type).toBe("calculated")
      const { data: priced } = await api.post(
        `/store/shipping-options/${standard.id}/calculate`,
        { cart_id: created.cart.id },
        store
      )
      const njStandard = (stockLocations as any[])
        .flatMap((l) => l.service_zones)
        .find((z) => z.name === "United States")
        .shipping_options.find((o: any) => o.name === "Standard").rate_table
      const row = njStandard.rows.find(
        (r: any) =>
          r.currency_code === "usd" &&
          r.min_weight <= light.weight &&
          (r.max_weight === null || light.weight < r.max_weight)
      )
      expect(Math.round(priced.shipping_option.amount * 100)).toBe(row.price)
    })

    it("gives the storefront the calculated price, which follows the cart", async () => {
      const lines = [{ variant: light, quantity: 1 }]
      const cartId = await cartWith(lines)
      const first = await calculate(cartId)
      expect(first.price_type).toBe("calculated")
      expect(Math.round(first.amount * 100)).toBe(expectedCents(lines))

      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: optionId }, store)
      await api.post(`/store/carts/${cartId}/line-items`, { variant_id: variantIds[heavy.sku], quantity: 1 }, store)
      const more = [...lines, { variant: heavy, quantity: 1 }]
      const second = await calculate(cartId)
      expect(Math.round(second.amount * 100)).toBe(expectedCents(more))
      expect(second.amount).not.toBe(first.amount)

      // The cart's own shipping method was re-priced by Medusa's refresh, i.e. by calculatePrice.
      const { data } = await api.get(`/store/carts/${cartId}?fields=*shipping_methods`, store)
      expect(data.cart.shipping_methods).toHaveLength(1)
      expect(Math.round(data.cart.shipping_methods[0].amount * 100)).toBe(expectedCents(more))
    })

    it("withholds the option from a cart no row covers, with a reason, and never fails the cart", async () => {
      const cartId = await cartWith([{ variant: light, quantity: 1 }])
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: optionId }, store)
      // Too heavy now (≥ 3 kg): adding the item succeeds and the method is dropped, not a 500.
      const quantity = Math.ceil(3000 / heavy.weight)
      expect(quantity).toBeLessThanOrEqual(10)
      const update = await api.post(
        `/store/carts/${cartId}/line-items`,
        { variant_id: variantIds[heavy.sku], quantity },
        store
      )
      expect(update.status).toBe(200)
      const { data: after } = await api.get(`/store/carts/${cartId}?fields=*shipping_methods`, store)
      expect(after.cart.shipping_methods).toEqual([])

      const quote = await calculate(cartId)
      expect(quote.amount).toBeUndefined()
      expect(quote.calculated_price.table_rate.unavailable).toEqual({
        code: "too_heavy",
        message: expect.stringMatching(/ships up to 3000 g/),
      })

      const { data: quotes } = await api.get(`/store/table-rates/quotes?cart_id=${cartId}`, store)
      expect(quotes.quotes.find((q: any) => q.shipping_option_id === optionId)).toMatchObject({
        available: false,
        unavailable: { code: "too_heavy" },
      })

      const refused = await failure(api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: optionId }, store))
      expect(refused.status).toBe(400)
    })

    /** Guest checkout with the test option, then a fulfillment of everything by the admin. */
    async function orderAndFulfill(lines: { variant: any; quantity: number }[]) {
      const cartId = await cartWith(lines)
      await api.post(`/store/carts/${cartId}`, { billing_address: MADRID_ADDRESS }, store)
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: optionId }, store)
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: cartId }, store)
      await api.post(
        `/store/payment-collections/${collection.payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        store
      )
      const { data: completed } = await api.post(`/store/carts/${cartId}/complete`, {}, store)
      expect(completed.type).toBe("order")
      const { data: full } = await api.get(
        `/admin/orders/${completed.order.id}?fields=id,display_id,*items,*shipping_methods`,
        admin
      )
      const { data: fulfilled } = await api.post(
        `/admin/orders/${completed.order.id}/fulfillments?fields=id,*fulfillments`,
        { items: full.order.items.map((item: any) => ({ id: item.id, quantity: item.quantity })) },
        admin
      )
      return { order: full.order, fulfillment: fulfilled.order.fulfillments[0] }
    }

    it("checks out with the calculated price; the admin fulfills and downloads the packing slip", async () => {
      const lines = [{ variant: light, quantity: 2 }]
      const { order, fulfillment } = await orderAndFulfill(lines)
      expect(Math.round(order.shipping_methods[0].amount * 100)).toBe(expectedCents(lines))
      expect(fulfillment.provider_id).toBe(PROVIDER_ID)

      const slip = await api.get(`/admin/table-rates/packing-slips/${fulfillment.id}`, {
        ...admin,
        responseType: "arraybuffer",
      })
      expect(slip.headers["content-type"]).toBe("application/pdf")
      const pdf = Buffer.from(slip.data)
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF")
      const text = pdfTextLines(pdf).join("\n")
      expect(text).toContain(`Order #${order.display_id}`)
      expect(text).toContain(light.sku)
      expect(text).toContain(MADRID_ADDRESS.address_1)

      const anonymous = await failure(api.get(`/admin/table-rates/packing-slips/${fulfillment.id}`))
      expect(anonymous.status).toBe(401)
    })

    it("takes returns through the provider (createReturnFulfillment)", async () => {
      const { order } = await orderAndFulfill([{ variant: light, quantity: 1 }])
      const { data: locations } = await api.get(
        "/admin/stock-locations?fields=id,name,*fulfillment_sets,*fulfillment_sets.service_zones",
        admin
      )
      const madrid = locations.stock_locations.find((l: any) => l.name === "Madrid Warehouse")
      const { data: profiles } = await api.get("/admin/shipping-profiles", admin)
      const { data: option } = await api.post(
        "/admin/shipping-options",
        {
          name: "Table-rate return",
          service_zone_id: madrid.fulfillment_sets[0].service_zones[0].id,
          shipping_profile_id: profiles.shipping_profiles[0].id,
          provider_id: PROVIDER_ID,
          price_type: "flat",
          data: { id: "table-rate-return" },
          type: { label: "Return", code: "return", description: "Send it back" },
          prices: [{ currency_code: "eur", amount: 3 }],
          rules: [
            { attribute: "enabled_in_store", operator: "eq", value: "true" },
            { attribute: "is_return", operator: "eq", value: "true" },
          ],
        },
        admin
      )
      const { data: created } = await api.post("/admin/returns", { order_id: order.id, location_id: madrid.id }, admin)
      const returnId = created.return.id
      await api.post(
        `/admin/returns/${returnId}/request-items`,
        { items: [{ id: order.items[0].id, quantity: 1 }] },
        admin
      )
      await api.post(
        `/admin/returns/${returnId}/shipping-method`,
        { shipping_option_id: option.shipping_option.id },
        admin
      )
      await api.post(`/admin/returns/${returnId}/request`, {}, admin)

      const { data } = await api.get(`/admin/returns/${returnId}?fields=id,status,*fulfillments`, admin)
      expect(data.return.status).toBe("requested")
      const [fulfillment] = data.return.fulfillments
      expect(fulfillment.provider_id).toBe(PROVIDER_ID)
      expect(fulfillment.data.return.items).toEqual([expect.objectContaining({ sku: light.sku, quantity: 1 })])
    })

    it("applies an edited table at once (the cached table is invalidated)", async () => {
      const lines = [{ variant: light, quantity: 1 }]
      const cartId = await cartWith(lines)
      const before = await calculate(cartId)
      const edited = { ...TABLE, rows: TABLE.rows.map((row) => ({ ...row, price: row.price + 100 })) }
      const { data } = await api.post(`/admin/table-rates/${optionId}`, edited, admin)
      expect(data.rate_table.version).toBe(2)
      const after = await calculate(cartId)
      expect(Math.round((after.amount - before.amount) * 100)).toBe(100)
    })

    describe("bad input answers 400 naming the row, and saves nothing", () => {
      async function expectRefused(body: unknown, pattern: RegExp, id = optionId) {
        const response = await failure(api.post(`/admin/table-rates/${id}`, body, admin))
        expect(response.status).toBe(400)
        expect(response.data.message).toMatch(pattern)
        const { data } = await api.get(`/admin/table-rates/${optionId}`, admin)
        expect(data.shipping_option.rate_table.version).toBe(1)
        expect(data.shipping_option.rate_table.rows).toEqual(TABLE.rows)
      }

      it("overlapping ranges", async () => {
        const rows = [
          ...TABLE.rows,
          { currency_code: "eur", min_weight: 500, max_weight: 1500, min_subtotal: 0, max_subtotal: null, price: 100 },
        ]
        await expectRefused({ ...TABLE, rows }, /Row 5 overlaps row 1/)
      })

      it("a negative price", async () => {
        const rows = TABLE.rows.map((row, i) => (i === 2 ? { ...row, price: -5 } : row))
        await expectRefused({ ...TABLE, rows }, /Row 3: price must not be negative/)
      })

      it("an unknown currency", async () => {
        const rows = [...TABLE.rows.slice(0, 3), { ...TABLE.rows[3], currency_code: "gbp" }]
        await expectRefused({ ...TABLE, rows }, /Row 4: unknown currency "gbp"/)
      })

      it("an unknown shipping option: 404, as its GET answers", async () => {
        const response = await failure(api.post(`/admin/table-rates/so_does_not_exist`, TABLE, admin))
        expect(response.status).toBe(404)
        expect(response.data.message).toMatch(/No table-rate shipping option "so_does_not_exist"/)
      })

      it("a body that is not a table", async () => {
        await expectRefused({ rows: "all of them" }, /rows/i)
      })
    })
  },
})
