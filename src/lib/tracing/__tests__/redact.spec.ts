import { isSensitiveName, MASKED_EMAIL, REDACTED, redactAttributes, redactText } from "../redact"

describe("redactAttributes", () => {
  it("replaces the value of every credential-bearing header or key, whatever its case", () => {
    const secrets = {
      authorization: "Bearer opaque-customer-token",
      "proxy-authorization": "Basic dXNlcjpwYXNz",
      cookie: "connect.sid=s%3Aabc",
      "set-cookie": ["connect.sid=s%3Aabc; Path=/"],
      "x-publishable-api-key": "pk_0123456789",
      "X-Api-Key": "k-1",
      "stripe-signature": "t=1,v1=abc",
      "paypal-transmission-sig": "sig",
      "paypal-cert-url": "https://certs.example/cert.pem",
      "paypal-auth-algo": "SHA256withRSA",
      "http.request.header.paypal-transmission-id": "id-1",
      "x-csrf-token": "csrf",
      client_secret: "pi_1_secret_2",
      password: "hunter2hunter2",
      "db.password": "pg-password",
      accessToken: 42,
    }
    expect(redactAttributes(secrets)).toEqual(Object.fromEntries(Object.keys(secrets).map((key) => [key, REDACTED])))
  })

  it("keeps what tracing needs: routes, ids, timings, Medusa's workflow and query attributes", () => {
    const attributes = {
      "http.route": "/store/carts/:id/complete",
      "http.method": "POST",
      "http.status_code": 200,
      "user-agent": "node",
      "content-type": "application/json",
      "x-request-id": "req-123",
      "workflow.transaction_id": "cart_01J",
      "workflow.step.idempotency_key": "complete-cart:cart_01J:validate:invoke",
      "workflow.step.async": false,
      "cache.key": "catalog:products",
      "query.fields": ["id", "items.*"],
    }
    expect(redactAttributes(attributes)).toEqual(attributes)
  })

  it("masks email addresses in any string value, plain or percent-encoded, and in arrays", () => {
    expect(
      redactAttributes({
        "http.url": "/store/customers?email=ana.garcia%40example.com&limit=1",
        "url.query": "q=ana.garcia%40example.com",
        "db.statement": "select * from customer where email = 'John.Smith+shop@mail.example.co.uk'",
        "exception.message": ["Customer with email: guest@example.com already exists", "other"],
      })
    ).toEqual({
      "http.url": `/store/customers?email=${REDACTED}&limit=1`,
      "url.query": `q=${MASKED_EMAIL}`,
      "db.statement": `select * from customer where email = '${MASKED_EMAIL}'`,
      "exception.message": [`Customer with email: ${MASKED_EMAIL} already exists`, "other"],
    })
  })

  it("drops undefined values and leaves numbers and booleans alone", () => {
    expect(redactAttributes({ a: undefined, n: 3, b: true })).toEqual({ n: 3, b: true })
  })
})

describe("redactText", () => {
  it("removes sensitive query parameters and keeps the others", () => {
    expect(redactText("/auth/customer/emailpass/reset?token=abc.def&lang=es")).toBe(
      `/auth/customer/emailpass/reset?token=${REDACTED}&lang=es`
    )
    expect(redactText("GET /auth/customer/google/callback?code=4%2F0Ad&state=xyz&country_code=es")).toBe(
      `GET /auth/customer/google/callback?code=${REDACTED}&state=${REDACTED}&country_code=es`
    )
  })

  it("removes passwords from connection strings without mistaking them for emails", () => {
    expect(redactText("postgres://tienda:s3cret@db.internal.example.com:5432/shop")).toBe(
      `postgres://tienda:${REDACTED}@db.internal.example.com:5432/shop`
    )
  })

  it("removes bearer and basic credentials and JWTs inside free text", () => {
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJhY3Rvcl9pZCI6ImN1c18xIn0.c2lnbmF0dXJl"
    expect(redactText(`retrying with Bearer ${jwt}`)).toBe(`retrying with Bearer ${REDACTED}`)
    expect(redactText(`token ${jwt} expired`)).toBe(`token ${REDACTED} expired`)
    expect(redactText("Authorization: Basic dXNlcjpwYXNz")).toBe(`Authorization: Basic ${REDACTED}`)
  })

  it("leaves ordinary text unchanged", () => {
    const text = "route handler: /store/carts/:id/complete"
    expect(redactText(text)).toBe(text)
  })
})

describe("isSensitiveName", () => {
  it.each(["Authorization", "COOKIE", "x-medusa-access-token", "webhook_secret", "passphrase", "private_key"])(
    "%s is sensitive",
    (name) => expect(isSensitiveName(name)).toBe(true)
  )
  it.each(["host", "idempotency_key", "cache.key", "workflow.step.action", "paypalish"])("%s is not", (name) =>
    expect(isSensitiveName(name)).toBe(false)
  )
})
