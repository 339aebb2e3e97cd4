import { backoffDelay, parseRetryAfter } from "../backoff"
import { aliasName, aliasOfGeneration, generationName } from "../names"
import { decodeTaskId, encodeTaskId } from "../task-id"

describe("backoff", () => {
  it("doubles from the base with 50-100 % jitter, capped at 30 s; Retry-After wins", () => {
    expect(backoffDelay(0, 500, undefined, () => 1)).toBe(500)
    expect(backoffDelay(3, 500, undefined, () => 1)).toBe(4000)
    expect(backoffDelay(3, 500, undefined, () => 0)).toBe(2000)
    expect(backoffDelay(20, 500, undefined, () => 1)).toBe(30000)
    expect(backoffDelay(0, 500, 7000)).toBe(7000)
    expect(parseRetryAfter("2")).toBe(2000)
    expect(parseRetryAfter(["1"])).toBe(1000)
    expect(parseRetryAfter("soon")).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })
})

describe("index names", () => {
  it("alias = prefix + the module's physical name; generations are <alias>__g<timestamp>", () => {
    expect(aliasName("tienda_", "product_v2")).toBe("tienda_product_v2")
    expect(generationName("tienda_product_v2", 1700)).toBe("tienda_product_v2__g1700")
    expect(aliasOfGeneration("tienda_product_v2__g1700")).toBe("tienda_product_v2")
    expect(aliasOfGeneration("tienda_product_v2")).toBeUndefined()
    expect(aliasOfGeneration("tienda_x__gabc")).toBeUndefined()
  })

  it("refuses names Elasticsearch would refuse, saying why", () => {
    expect(() => aliasName("tienda_", "Product")).toThrow(/cannot be an Elasticsearch index name.*lowercase/)
    expect(() => aliasName("", "_x")).toThrow(/cannot be an Elasticsearch index name/)
    expect(() => aliasName("t_", "a b")).toThrow()
  })
})

describe("task ids", () => {
  it("round-trips the alias and the Elasticsearch task; ignores ids it did not write", () => {
    expect(decodeTaskId(encodeTaskId({ alias: "a", esTask: "node:7" }))).toEqual({ alias: "a", esTask: "node:7" })
    expect(decodeTaskId(encodeTaskId({ alias: "a" }))).toEqual({ alias: "a", esTask: undefined })
    expect(decodeTaskId("42")).toBeUndefined()
    expect(decodeTaskId(undefined)).toBeUndefined()
  })
})
