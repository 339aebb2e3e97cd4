import { formatPaymentReference, isValidPaymentReference, newPaymentReference } from "../payment-reference"
import { formatIban, isValidIban } from "../iban"
import { offlineMethodOf } from "../constants"

describe("RF payment references (ISO 11649)", () => {
  it("validates the standard's own example and rejects a typo", () => {
    expect(isValidPaymentReference("RF18 5390 0754 7034")).toBe(true)
    expect(isValidPaymentReference("RF18 5390 0754 7043")).toBe(false)
    expect(isValidPaymentReference("RF18539007547034X")).toBe(false)
  })

  it("makes references that carry valid check digits, the prefix and 10 unambiguous characters", () => {
    for (let i = 0; i < 200; i++) {
      const reference = newPaymentReference("TND")
      expect(reference).toMatch(/^RF[0-9]{2}TND[2-9A-HJ-NP-Z]{10}$/)
      expect(isValidPaymentReference(reference)).toBe(true)
    }
  })

  it("computes check digits deterministically (and pads them to two digits)", () => {
    const zeros = () => Buffer.alloc(10, 0)
    const reference = newPaymentReference("", zeros)
    expect(reference.slice(4)).toBe("2222222222")
    expect(isValidPaymentReference(reference)).toBe(true)
    expect(reference).toMatch(/^RF\d{2}/)
  })

  it("does not repeat itself over many draws", () => {
    const seen = new Set(Array.from({ length: 5000 }, () => newPaymentReference("TND")))
    expect(seen.size).toBe(5000)
  })

  it("prints in groups of four", () => {
    expect(formatPaymentReference("RF18539007547034")).toBe("RF18 5390 0754 7034")
  })
})

describe("IBAN", () => {
  it("accepts valid IBANs with or without spaces and rejects a wrong check digit", () => {
    expect(isValidIban("ES91 2100 0418 4502 0005 1332")).toBe(true)
    expect(isValidIban("DE89370400440532013000")).toBe(true)
    expect(isValidIban("DE89370400440532013001")).toBe(false)
    expect(isValidIban("not an iban")).toBe(false)
  })

  it("formats in groups of four", () => {
    expect(formatIban("es9121000418450200051332")).toBe("ES91 2100 0418 4502 0005 1332")
  })
})

describe("offlineMethodOf", () => {
  it("recognises only the offline providers", () => {
    expect(offlineMethodOf("pp_bank-transfer_offline")).toBe("bank-transfer")
    expect(offlineMethodOf("pp_cash-on-delivery_offline")).toBe("cash-on-delivery")
    expect(offlineMethodOf("pp_system_default")).toBeUndefined()
    expect(offlineMethodOf("pp_stripe_stripe")).toBeUndefined()
    expect(offlineMethodOf(undefined)).toBeUndefined()
  })
})
