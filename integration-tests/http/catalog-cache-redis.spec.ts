import type Redis from "ioredis"
import { RedisStore } from "../../src/lib/catalog-cache/stores/redis-store"
import { packDocument, unpackDocument } from "../../src/lib/catalog-cache/read-model/document-format"
import { describeWithRedis } from "../helpers/redis"

/**
 * The catalog cache's Redis store (used by every server process when REDIS_URL is set): bodies are bytes — cached
 * UTF-8 answers and deflated product documents, whose bytes are anything from 0 to 255 — and must come back as they
 * went in. On the run's throw-away Redis, a database of this file's own (NOT RUN, loudly, without one).
 */
describeWithRedis("the catalog cache's Redis store", (runRedis) => {
  let redis: Redis
  let store: RedisStore
  const prefix = "tienda:test:"

  beforeAll(() => {
    redis = runRedis().client
    store = new RedisStore(redis, prefix)
  })

  it("gives back every byte: UTF-8 answers and deflated documents", async () => {
    const answer = Buffer.from('{"products":[{"title":"Café crème 10 €"}],"count":1}')
    const document = JSON.stringify({
      id: "prod_1",
      title: "Ñandú 🦤",
      variants: Array.from({ length: 20 }, (_, i) => ({ sku: `S-${i}` })),
    })
    const packed = packDocument(document)
    expect(packed.some((byte) => byte >= 0x80)).toBe(true)
    await store.set("answer", answer)
    await store.setMany([["doc", packed]])
    expect((await store.get("answer"))?.equals(answer)).toBe(true)
    const [doc, missing] = await store.getMany(["doc", "missing"])
    expect(missing).toBeUndefined()
    expect(unpackDocument(doc!)).toBe(document)
    expect(await store.get("missing")).toBeUndefined()
    expect(await store.getMany([])).toEqual([])
  })

  it("lets entries expire and shares generations between processes", async () => {
    await store.set("ttl", Buffer.from("x"))
    const ttl = await redis.ttl(`${prefix}ttl`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(3600)
    const other = new RedisStore(redis, `${prefix}other:`)
    const before = await other.generations()
    await store.bump(["inventory"])
    expect(await other.generations()).toEqual({
      catalog: before.catalog,
      inventory: before.inventory + 1,
      stockEpoch: before.stockEpoch + 1,
    })
  })

  it("shares each product's stock version between processes", async () => {
    const other = new RedisStore(redis, `${prefix}other:`)
    const [a, b] = [`prod_a_${process.pid}_${Date.now()}`, `prod_b_${process.pid}_${Date.now()}`]
    const before = await other.generations()
    await store.bumpProductStock([a, b, a])
    await store.bumpProductStock([b])
    expect(await other.productStockVersions([a, b, "prod_never_sold"])).toEqual([1, 2, 0])
    expect(await other.generations()).toEqual({ ...before, inventory: before.inventory + 2 })
    expect(await other.productStockVersions([])).toEqual([])
  })

  it("never comes back to a generation already used when Redis loses them", async () => {
    await redis.flushdb()
    const store = new RedisStore(redis)
    const first = await store.generations()
    expect(first.catalog).toBeGreaterThan(1_000_000)
    expect(await store.generations()).toEqual(first)
    await store.bump(["catalog"])
    await store.bump(["inventory"])
    const bumped = await store.generations()
    const next = { catalog: first.catalog + 1, inventory: first.inventory + 1, stockEpoch: first.stockEpoch + 1 }
    expect(bumped).toEqual(next)

    // Lost (a restart without persistence), and written before anyone reads them: still new values.
    await redis.flushdb()
    await new Promise((resolve) => setTimeout(resolve, 2))
    await store.bump(["catalog"])
    await store.bumpProductStock(["prod_1"])
    const after = await store.generations()
    expect(after.catalog).toBeGreaterThan(bumped.catalog + 1)
    expect(after.inventory).toBeGreaterThan(bumped.inventory + 1)
    expect(after.stockEpoch).toBeGreaterThan(bumped.stockEpoch + 1)
    expect(await store.productStockVersions(["prod_1", "prod_2"])).toEqual([1, 0])
  })
})
