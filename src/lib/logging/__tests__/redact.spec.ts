import { redact, redactFields } from "../redact"
import { chain, contextAndRedaction, jsonLine, MESSAGE, textLine } from "../log-format"
import { runInRequestContext, runInWorkflowContext } from "../../request-context"

describe("redact", () => {
  it.each([
    ["postgres://tienda:s3cret-pass@db:5432/shop", "postgres://tienda:[redacted]@db:5432/shop"],
    ["redis://:hunter2hunter2@cache:6379", "redis://:[redacted]@cache:6379"],
    ["Authorization: Bearer abcdefghijklmnop", "Authorization: [redacted] [redacted]"],
    ["call with Bearer abcdefghijklmnop failed", "call with Bearer [redacted] failed"],
    ["jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlX2hlcmU done", "jwt [redacted-jwt] done"],
    ["stripe key sk_live_abcdefghijkl", "stripe key sk_live_[redacted]"],
    ["webhook whsec_abcdefghijkl", "webhook whsec_[redacted]"],
    ['{"email":"x","password":"hunter2"}', '{"email":"x","password":"[redacted]"}'],
    ["reset token=abc123def for ana", "reset token=[redacted] for ana"],
    ["order for ana.garcia@example.com placed", "order for a***@example.com placed"],
  ])("%s", (input, expected) => {
    expect(redact(input)).toBe(expected)
  })

  it("leaves ordinary text alone", () => {
    const text = "GET /store/products/prod_01J 200 in 12 ms (cart cart_01H, 3 items, 25.50 EUR)"
    expect(redact(text)).toBe(text)
  })

  it("walks nested fields", () => {
    expect(redactFields({ a: ["x@y.io"], b: { c: "Bearer 0123456789ab" }, n: 3 })).toEqual({
      a: ["x***@y.io"],
      b: { c: "Bearer [redacted]" },
      n: 3,
    })
  })
})

describe("log format", () => {
  const format = (fmt: typeof jsonLine) => chain(contextAndRedaction, fmt)

  it("writes one JSON object with the request's and workflow's context, redacted", () => {
    const line = runInRequestContext({ requestId: "req-12345678", method: "POST", path: "/store/carts" }, () =>
      runInWorkflowContext({ workflow: "complete-cart", transactionId: "tx_1" }, () =>
        format(jsonLine).transform({ level: "info", message: "paid by bob@example.com", timestamp: "x" })
      )
    )
    expect(line).not.toBe(false)
    const parsed = JSON.parse(String((line as Record<symbol, unknown>)[MESSAGE]))
    expect(parsed).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      level: "info",
      message: "paid by b***@example.com",
      request_id: "req-12345678",
      method: "POST",
      path: "/store/carts",
      workflow: "complete-cart",
      transaction_id: "tx_1",
    })
  })

  it("writes a readable line outside any request", () => {
    const line = format(textLine).transform({ level: "warn", message: "cache slow" })
    expect(String((line as Record<symbol, unknown>)[MESSAGE])).toMatch(/^\d\d:\d\d:\d\d warn {2}cache slow$/)
  })
})
