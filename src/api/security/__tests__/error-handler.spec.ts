import { tiendaErrorHandler } from "../error-handler"

/** A fake request/response pair, enough for the handler: scope with a logger, headers, status and json. */
function exchange(requestId?: string) {
  const lines: { level: string; message: string }[] = []
  const logger = {
    error: (message: string) => lines.push({ level: "error", message }),
    info: (message: string) => lines.push({ level: "info", message }),
  }
  const headers: Record<string, unknown> = {}
  const res: any = {
    headersSent: false,
    statusCode: 200,
    body: undefined,
    setHeader: (name: string, value: unknown) => (headers[name.toLowerCase()] = value),
    getHeader: (name: string) => headers[name.toLowerCase()],
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
    status(code: number) {
      this.statusCode = code
      return this
    },
    json(body: unknown) {
      this.body = body
      return this
    },
  }
  const req: any = {
    method: "GET",
    originalUrl: "/store/regions?limit=1",
    headers: {},
    requestId,
    scope: { resolve: () => logger },
  }
  return { req, res, headers, lines }
}

describe("Tienda's error handler", () => {
  it("answers a 500 without internals and logs the detail under the same request id", () => {
    const { req, res, headers, lines } = exchange("req-abcdef12")
    const err = new Error('select "r0".* from "region" as "r0" - invalid input syntax for type timestamp')
    tiendaErrorHandler()(err, req, res, () => undefined)
    expect(res.statusCode).toBe(500)
    expect(res.body.request_id).toBe("req-abcdef12")
    expect(JSON.stringify(res.body)).not.toMatch(/select|region/)
    expect(headers["x-request-id"]).toBe("req-abcdef12")
    expect(headers["x-content-type-options"]).toBe("nosniff")
    expect(lines).toHaveLength(1)
    expect(lines[0].level).toBe("error")
    expect(lines[0].message).toMatch(
      /^request_id=req-abcdef12 GET \/store\/regions failed with 500: Error: select "r0"/
    )
  })

  it("replaces an unsafe caller-supplied request id", () => {
    const { req, res } = exchange("bad id\nwith newline")
    tiendaErrorHandler()(new Error("boom"), req, res, () => undefined)
    expect(res.body.request_id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it("logs client errors at info level with the message it answered", () => {
    const { req, res, lines } = exchange("req-abcdef12")
    tiendaErrorHandler()(Object.assign(new Error("Cart not found"), { type: "not_found" }), req, res, () => undefined)
    expect(res.statusCode).toBe(404)
    expect(res.body.request_id).toBeUndefined()
    expect(lines[0]).toEqual({
      level: "info",
      message: "request_id=req-abcdef12 GET /store/regions answered 404: Cart not found",
    })
  })
})
