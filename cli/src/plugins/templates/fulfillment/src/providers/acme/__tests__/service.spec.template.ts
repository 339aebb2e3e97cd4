import { AcmeFulfillmentProviderService, FULFILLMENT_OPTIONS } from "../service"
import { validateOptions } from "../options"

type PriceContext = Parameters<AcmeFulfillmentProviderService["calculatePrice"]>[2]

function cartWithSubtotal(subtotal: number): PriceContext {
  return { items: [{ subtotal }] } as unknown as PriceContext
}

describe("AcmeFulfillmentProviderService", () => {
  const provider = new AcmeFulfillmentProviderService({}, { flatRate: 4.95, freeAbove: 60 })

  it("offers a shipping option and a return option", async () => {
    const options = await provider.getFulfillmentOptions()
    expect(options).toEqual(FULFILLMENT_OPTIONS)
    expect(await provider.validateOption({ id: "acme-flat-rate" })).toBe(true)
    expect(await provider.validateOption({ id: "teleport" })).toBe(false)
  })

  it("prices every cart at the flat rate until the free-shipping threshold", async () => {
    expect(await provider.canCalculate()).toBe(true)
    const small = await provider.calculatePrice({}, {}, cartWithSubtotal(20))
    expect(small).toEqual({ calculated_amount: 4.95, is_calculated_price_tax_inclusive: false })
    expect((await provider.calculatePrice({}, {}, cartWithSubtotal(75))).calculated_amount).toBe(0)
  })

  it("creates fulfillments with a tracking number and refuses an unknown option", async () => {
    const { data } = await provider.createFulfillment()
    expect(data.tracking_number).toMatch(/^ACME-/)
    await expect(provider.validateFulfillmentData({ id: "teleport" }, {})).rejects.toThrow(
      /Unknown acme shipping option/
    )
  })

  it("refuses a negative rate, naming the option", () => {
    expect(() => validateOptions({ flatRate: -1 })).toThrow(/flatRate must be a number/)
    // A provider registered without options gets none at boot.
    expect(() => AcmeFulfillmentProviderService.validateOptions(undefined)).not.toThrow()
  })
})
