import { pdfTextLines } from "../../../../integration-tests/pdf-text"
import type { StoredRateTable } from "../../../utils/rate-table-types"
import { RateTableCache } from "../rate-table-cache"
import TableRateFulfillmentProviderService from "../service"

const table: StoredRateTable = {
  shipping_option_id: "so_1",
  version: 2,
  handling_fee: {},
  free_over: { eur: 10000 },
  rows: [{ currency_code: "eur", min_weight: 0, max_weight: 2000, min_subtotal: 0, max_subtotal: null, price: 495 }],
}
const logger = { error: jest.fn(), info: jest.fn(), warn: jest.fn() } as any

function provider(load: jest.Mock, options = {}) {
  return new TableRateFulfillmentProviderService({ logger, tableRate: { getRateTable: load } }, options)
}

const cart = (grams: number, price = 20) => ({
  id: "cart_1",
  currency_code: "eur",
  items: [{ quantity: 1, unit_price: price, title: "Tee", variant: { weight: grams }, product: {} }],
})
const optionData = { table_rate: { shipping_option_id: "so_1", version: 2 } }

describe("TableRateFulfillmentProviderService", () => {
  it("prices a cart from the cached table, loading it once per version", async () => {
    const load = jest.fn().mockResolvedValue(table)
    const service = provider(load)
    await expect(service.calculatePrice(optionData, {}, cart(500) as any)).resolves.toMatchObject({
      calculated_amount: 4.95,
      is_calculated_price_tax_inclusive: false,
    })
    for (let i = 0; i < 20; i++) {
      await service.calculatePrice(optionData, {}, cart(100 + i) as any)
    }
    expect(load).toHaveBeenCalledTimes(1)

    load.mockResolvedValue({ ...table, version: 3, rows: [{ ...table.rows[0], price: 695 }] })
    const after = await service.calculatePrice(
      { table_rate: { shipping_option_id: "so_1", version: 3 } },
      {},
      cart(500) as any
    )
    expect(after.calculated_amount).toBe(6.95)
    expect(load).toHaveBeenCalledTimes(2)
  })

  it("answers without an amount, with the reason, instead of throwing", async () => {
    const service = provider(jest.fn().mockResolvedValue(table))
    const heavy: any = await service.calculatePrice(optionData, {}, cart(2000) as any)
    expect(heavy.calculated_amount).toBeUndefined()
    expect(heavy.table_rate.unavailable).toEqual({ code: "too_heavy", message: expect.stringContaining("2000 g") })

    const unlinked: any = await service.calculatePrice({}, {}, cart(10) as any)
    expect(unlinked.table_rate.unavailable.code).toBe("no_rate_table")

    const failing = provider(jest.fn().mockRejectedValue(new Error("connection refused")))
    const down: any = await failing.calculatePrice(optionData, {}, cart(10) as any)
    expect(down.table_rate.unavailable.code).toBe("rates_unavailable")
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining("connection refused"))
  })

  it("explains a missing module dependency when asked whether it can calculate", async () => {
    const service = new TableRateFulfillmentProviderService({ logger }, {})
    await expect(service.canCalculate()).rejects.toThrow(/dependencies: \["tableRate"\]/)
  })

  it("refuses bad options at boot", () => {
    expect(() => TableRateFulfillmentProviderService.validateOptions({ missingWeight: "guess" })).toThrow(
      /missingWeight/
    )
    expect(() => TableRateFulfillmentProviderService.validateOptions({ cacheTtlSeconds: -1 })).toThrow(
      /cacheTtlSeconds/
    )
  })

  it("records a packing slip at createFulfillment and returns it as a PDF document", async () => {
    const service = provider(jest.fn(), { shopName: "Tienda Test" })
    const created = await service.createFulfillment(
      { carrier_note: "keep" },
      [
        { title: "Organic Tee / S", sku: "TEE-CRW-WHT-S", quantity: 2 },
        { title: "Mug", sku: "MUG-1", quantity: { value: "1" } } as any,
      ],
      { id: "order_1", display_id: 1042 },
      {
        delivery_address: {
          first_name: "Lucía",
          last_name: "Fernández",
          address_1: "Gran Vía 28",
          postal_code: "28013",
          city: "Madrid",
          country_code: "es",
        },
      } as any
    )
    expect(created.data.carrier_note).toBe("keep")
    expect(created.data.packing_slip).toMatchObject({ order_number: "1042", items: [{ quantity: 2 }, { quantity: 1 }] })

    const [document] = await service.getFulfillmentDocuments(created.data)
    expect(document).toMatchObject({
      type: "packing_slip",
      mime_type: "application/pdf",
      file_name: "packing-slip-1042.pdf",
    })
    const pdf = Buffer.from(document.base64, "base64")
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    const text = pdfTextLines(pdf).join("\n")
    for (const expected of [
      "Order #1042",
      "TEE-CRW-WHT-S",
      "Organic Tee / S",
      "MUG-1",
      "Lucía Fernández",
      "28013 Madrid",
      "Tienda Test",
    ]) {
      expect(text).toContain(expected)
    }
    expect(await service.getFulfillmentDocuments({})).toEqual([])
  })

  it("records what a return expects back", async () => {
    const service = provider(jest.fn())
    const result = await service.createReturnFulfillment({ items: [{ title: "Tee", sku: "T-1", quantity: 1 }] })
    expect(result.data.return).toMatchObject({ items: [{ sku: "T-1", quantity: 1 }] })
  })
})

describe("RateTableCache", () => {
  it("reloads after the TTL and forgets failed loads", async () => {
    let now = 0
    const load = jest.fn().mockRejectedValueOnce(new Error("down")).mockResolvedValue(table)
    const cache = new RateTableCache(load, 1000, () => now)
    await expect(cache.get("so_1", null)).rejects.toThrow("down")
    await expect(cache.get("so_1", null)).resolves.toMatchObject({ version: 2 })
    await cache.get("so_1", null)
    expect(load).toHaveBeenCalledTimes(2)
    now = 1500
    await cache.get("so_1", null)
    expect(load).toHaveBeenCalledTimes(3)
  })
})
