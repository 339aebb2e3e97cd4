import { MedusaError } from "@medusajs/framework/utils"
import { leaksInternals, toSafeErrorResponse } from "../error-response"

describe("safe error responses", () => {
  it("hides SQL, stack traces, paths and driver messages behind a 500 with the request id", () => {
    const sql = Object.assign(
      new Error('select "r0".* from "region" as "r0" where "r0"."deleted_at" > \'notadate\' - invalid input syntax'),
      {}
    )
    const response = toSafeErrorResponse(sql, "req-123")
    expect(response.status).toBe(500)
    expect(response.body.request_id).toBe("req-123")
    expect(JSON.stringify(response.body)).not.toMatch(/select|region|invalid input/i)
    const typeError = new TypeError("Cannot read properties of undefined (reading 'id')")
    expect(toSafeErrorResponse(typeError, "r").status).toBe(500)
    expect(toSafeErrorResponse(typeError, "r").body.message).not.toMatch(/properties/)
  })

  it("turns PostgreSQL data exceptions into 400 and lock time-outs into 409", () => {
    const pg = Object.assign(new Error("invalid input syntax for type timestamp"), { code: "22007" })
    expect(toSafeErrorResponse(pg, "r")).toEqual({
      status: 400,
      body: expect.objectContaining({ type: "invalid_data" }),
    })
    expect(toSafeErrorResponse(new Error("Timed-out acquiring lock."), "r").status).toBe(409)
    expect(toSafeErrorResponse(new Error('"cart_1" is already locked.'), "r").status).toBe(409)
    const refusedStep = new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      'Updating Status from "ok" to "temp_failure" is not allowed.'
    )
    expect(toSafeErrorResponse(refusedStep, "r")).toEqual({
      status: 409,
      body: expect.objectContaining({ message: expect.stringMatching(/retry/) }),
    })
    const otherNotAllowed = new MedusaError(MedusaError.Types.NOT_ALLOWED, "Updating a completed cart is not allowed.")
    expect(toSafeErrorResponse(otherNotAllowed, "r").status).toBe(400)
  })

  it("keeps Medusa's client errors and their messages, minus internals", () => {
    const notFound = new MedusaError(MedusaError.Types.NOT_FOUND, "Cart id not found: cart_x")
    expect(toSafeErrorResponse(notFound, "r")).toEqual({
      status: 404,
      body: { type: "not_found", message: "Cart id not found: cart_x" },
    })
    const stock = new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "Some variant does not have the required inventory",
      "insufficient_inventory"
    )
    expect(toSafeErrorResponse(stock, "r").status).toBe(400)
    const leaky = new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "at Object.<anonymous> (/work/main/node_modules/x/index.js:10:5)"
    )
    expect(toSafeErrorResponse(leaky, "r").body.message).toBe("The request is not valid.")
    const conflict = new MedusaError(MedusaError.Types.CONFLICT, "Cart is already being completed by another request")
    expect(toSafeErrorResponse(conflict, "r").status).toBe(409)
    // a serialized error coming out of a workflow: a plain object with type and message
    expect(
      toSafeErrorResponse({ type: "not_allowed", message: "Not enough stock available for item iitem_1" }, "r").status
    ).toBe(400)
  })

  it("answers 503 when the search engine cannot (Elasticsearch down or slow), without its details", () => {
    const down = new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Search is unavailable: Elasticsearch did not answer within 3000 ms (POST /_msearch); try again shortly",
      "search_unavailable"
    )
    expect(toSafeErrorResponse(down, "req-9")).toEqual({
      status: 503,
      body: {
        type: "unavailable",
        code: "search_unavailable",
        message: "Search is temporarily unavailable; try again shortly.",
        request_id: "req-9",
      },
    })
    expect(
      toSafeErrorResponse(new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Search is unavailable"), "r").status
    ).toBe(500)
  })

  it("answers 503 with Retry-After when PostgreSQL or Redis cannot be reached, found through wrapped causes", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })
    const shuttingDown = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
    })
    const starting = Object.assign(new Error("the database system is starting up"), { code: "57P03" })
    const wrapped = new Error("Step failed", { cause: new Error("query failed", { cause: shuttingDown }) })
    for (const [error, code] of [
      [shuttingDown, "database_unavailable"],
      [starting, "database_unavailable"],
      [wrapped, "database_unavailable"],
      [new Error("Connection terminated unexpectedly"), "database_unavailable"],
      [new Error("Knex: Timeout acquiring a connection. The pool is probably full."), "database_unavailable"],
      [refused, "service_unavailable"],
      [new Error("Connection is closed."), "service_unavailable"],
    ] as const) {
      const response = toSafeErrorResponse(error, "req-7")
      expect({ status: response.status, code: response.body.code, retry: response.retryAfterSeconds }).toEqual({
        status: 503,
        code,
        retry: 5,
      })
      expect(response.body.request_id).toBe("req-7")
      expect(response.body.message).not.toMatch(/ECONN|5432|administrator|Knex/)
    }
    // Not a dependency: a bug stays a 500 without Retry-After.
    const bug = toSafeErrorResponse(new TypeError("Cannot read properties of undefined"), "r")
    expect([bug.status, bug.retryAfterSeconds]).toEqual([500, undefined])
  })

  it("maps Express decoding and body-parser errors to 4xx", () => {
    expect(toSafeErrorResponse(new URIError("URI malformed"), "r").status).toBe(400)
    const tooLarge = Object.assign(new Error("request entity too large"), {
      status: 413,
      statusCode: 413,
      expose: true,
    })
    expect(toSafeErrorResponse(tooLarge, "r").status).toBe(413)
  })

  it("maps crashes of Medusa's validators and unknown order fields to 400", () => {
    const crash = new TypeError("Cannot read properties of undefined (reading 'trim')")
    crash.stack = `TypeError: x\n    at Object.transform (/app/node_modules/zod/v4/classic/schemas.cjs:972:28)`
    expect(toSafeErrorResponse(crash, "r").status).toBe(400)
    expect(toSafeErrorResponse(new Error("Trying to order by not existing property ApiKey.zz"), "r")).toEqual({
      status: 400,
      body: { type: "invalid_data", message: "order or a filter names a field that does not exist" },
    })
  })

  it("recognises leaks", () => {
    expect(leaksInternals('insert into "cart" ("id") values ($1)')).toBe(true)
    expect(leaksInternals("    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)")).toBe(
      true
    )
    expect(leaksInternals("Variant variant_123 does not have the required inventory")).toBe(false)
  })
})
