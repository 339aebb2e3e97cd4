import { resolveOptions } from "../options"

describe("payment-offline options", () => {
  it("fills in the defaults", () => {
    expect(resolveOptions(undefined)).toMatchObject({
      referencePrefix: "TND",
      cashOnDeliveryFee: {},
      autoCancelAfterDays: 7,
    })
  })

  it("accepts a complete configuration", () => {
    const options = resolveOptions({
      bankAccount: { accountHolder: "Tienda S.L.", iban: "ES91 2100 0418 4502 0005 1332", bic: "CAIXESBBXXX" },
      cashOnDeliveryFee: { eur: 2.5, jpy: 300 },
      autoCancelAfterDays: 0,
    })
    expect(options.autoCancelAfterDays).toBe(0)
    expect(options.cashOnDeliveryFee.jpy).toBe(300)
  })

  it("names every problem at once", () => {
    expect(() =>
      resolveOptions({
        bankAccount: { accountHolder: " ", iban: "ES00 1234" },
        referencePrefix: "tnd-",
        cashOnDeliveryFee: { EUR: 2, usd: -1 },
        autoCancelAfterDays: 1.5,
      })
    ).toThrow(
      /accountHolder is empty.*not a valid IBAN.*referencePrefix.*cashOnDeliveryFee\.EUR.*cashOnDeliveryFee\.usd.*autoCancelAfterDays/s
    )
  })
})
