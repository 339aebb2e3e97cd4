import { resolvePayPalOptions } from "../options"

describe("PayPal options", () => {
  it("defaults to the sandbox and the authorize intent", () => {
    const options = resolvePayPalOptions({ clientId: "id", clientSecret: "secret" })
    expect(options).toMatchObject({
      environment: "sandbox",
      intent: "authorize",
      timeoutMs: 15000,
      baseUrl: "https://api-m.sandbox.paypal.com",
    })
  })

  it("lets a base URL replace PayPal's (tests, staging)", () => {
    expect(
      resolvePayPalOptions({ clientId: "id", clientSecret: "s", apiBaseUrl: "http://127.0.0.1:4010/" }).baseUrl
    ).toBe("http://127.0.0.1:4010")
  })

  it("names every problem at boot", () => {
    expect(() => resolvePayPalOptions({ environment: "prod" as never, intent: "sale" as never, timeoutMs: 0 })).toThrow(
      /clientId is required.*clientSecret is required.*environment must be.*intent must be.*timeoutMs/s
    )
    expect(() => resolvePayPalOptions({ clientId: "id", clientSecret: "s", environment: "live" })).toThrow(
      /webhookId is required in live mode/
    )
  })
})
