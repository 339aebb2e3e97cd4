import { CatalogExchange } from "../catalog-exchange"
import { answerInFlight, startMiss } from "../url-cache/miss-coalescing"
import { MemoryStore } from "../stores/memory-store"

describe("catalog exchange", () => {
  it("keeps Medusa's 200 answer for the miss and hands it to the requests waiting for it", async () => {
    const store = new MemoryStore()
    const exchange = new CatalogExchange()
    exchange.awaitAnswer(startMiss("k1", store))
    const waiting = answerInFlight("k1")
    expect(exchange.answered(200, { regions: [] })).toBeUndefined()
    expect((await waiting)?.toString()).toBe('{"regions":[]}')
    expect((await store.get("k1"))?.toString()).toBe('{"regions":[]}')
    expect(answerInFlight("k1")).toBeUndefined()
  })

  it("sends and keeps the read model's page instead of Medusa's answer", async () => {
    const store = new MemoryStore()
    const exchange = new CatalogExchange()
    exchange.awaitAnswer(startMiss("k2", store))
    exchange.assembleWith((body) => Buffer.from(`page of ${(body as { products: unknown[] }).products.length}`))
    expect(exchange.answered(200, { products: [1, 2] })?.toString()).toBe("page of 2")
    expect((await store.get("k2"))?.toString()).toBe("page of 2")
  })

  it("keeps nothing for an error or a closed response: the waiting requests read again", async () => {
    const store = new MemoryStore()
    const failing = new CatalogExchange()
    failing.awaitAnswer(startMiss("k3", store))
    const waiting = answerInFlight("k3")
    failing.assembleWith(() => Buffer.from("never"))
    expect(failing.answered(500, { message: "error" })).toBeUndefined()
    expect(await waiting).toBeUndefined()
    const hungUp = new CatalogExchange()
    hungUp.awaitAnswer(startMiss("k3", store))
    hungUp.closed()
    hungUp.answered(200, { late: true })
    expect(await store.get("k3")).toBeUndefined()
  })

  it("keeps an answer made without Medusa's handler", async () => {
    const store = new MemoryStore()
    const exchange = new CatalogExchange()
    exchange.awaitAnswer(startMiss("k4", store))
    exchange.answeredHere(Buffer.from("assembled"))
    expect((await store.get("k4"))?.toString()).toBe("assembled")
  })
})
