import { MemoryStore } from "../stores/memory-store"
import { CATALOG_EVENTS, generationsFor } from "../invalidation/catalog-events"

describe("catalog cache memory store", () => {
  it("evicts the least recently used entry beyond its size", async () => {
    const store = new MemoryStore(2, 1024 * 1024)
    await store.set("a", Buffer.from("1"))
    await store.set("b", Buffer.from("2"))
    await store.get("a")
    await store.set("c", Buffer.from("3"))
    expect((await store.get("a"))?.toString()).toBe("1")
    expect(await store.get("b")).toBeUndefined()
    expect((await store.get("c"))?.toString()).toBe("3")
    expect(store.size).toBe(2)
  })

  it("stays within its byte budget and skips bodies larger than it", async () => {
    const store = new MemoryStore(100, 10)
    await store.set("big", Buffer.from("x".repeat(11)))
    expect(await store.get("big")).toBeUndefined()
    // Bytes, not characters: "€" is three.
    await store.set("euro", Buffer.from("€€€€"))
    expect(await store.get("euro")).toBeUndefined()
    await store.set("a", Buffer.from("xxxx"))
    await store.set("b", Buffer.from("xxxx"))
    await store.set("c", Buffer.from("xxxx"))
    expect(store.size).toBe(2)
    expect(await store.get("a")).toBeUndefined()
  })

  it("keeps an exact-size copy of a body that is a view of a larger buffer (it would pin all of it)", async () => {
    const store = new MemoryStore(10, 1024)
    const slab = Buffer.alloc(16 * 1024, 120)
    await store.set("view", slab.subarray(0, 4))
    const kept = (await store.get("view"))!
    expect(kept.toString()).toBe("xxxx")
    expect(kept.buffer.byteLength).toBe(4)
  })

  it("bumps generations", async () => {
    const store = new MemoryStore()
    await store.bump(["catalog", "inventory"])
    await store.bump(["inventory"])
    expect(await store.generations()).toEqual({ catalog: 1, inventory: 2, stockEpoch: 2 })
  })

  it("bumps the stock of named products without the stock epoch", async () => {
    const store = new MemoryStore()
    await store.bumpProductStock(["prod_a", "prod_b", "prod_a"])
    await store.bumpProductStock(["prod_b"])
    expect(await store.productStockVersions(["prod_a", "prod_b", "prod_c"])).toEqual([1, 2, 0])
    expect(await store.generations()).toEqual({ catalog: 0, inventory: 2, stockEpoch: 0 })
  })

  it("maps stock events to the inventory generation and everything else to both", () => {
    expect(generationsFor("inventory.inventory-level.updated")).toEqual(["inventory"])
    expect(generationsFor("order.placed")).toEqual(["inventory"])
    expect(generationsFor("product.updated")).toEqual(["catalog", "inventory"])
    expect(generationsFor("pricing.price.updated")).toEqual(["catalog", "inventory"])
  })

  it("ignores shipments and fulfillments: no cached answer shows them", () => {
    expect(CATALOG_EVENTS).toContain("product.updated")
    expect(CATALOG_EVENTS).not.toContain("shipment.created")
    expect(CATALOG_EVENTS).not.toContain("fulfillment.fulfillment.created")
  })
})
