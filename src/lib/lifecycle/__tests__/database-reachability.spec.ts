import { EventEmitter } from "node:events"
import { databaseUnreachableSince, watchDatabaseReachability } from "../database-reachability"

const quiet = { warn: () => undefined, info: () => undefined }

/** A knex-like connection whose pool emits tarn's events, and a probe whose answers the test gives. */
function fakeDatabase() {
  const pool = new EventEmitter()
  const probes: Array<{ resolve: () => void; reject: (error: Error) => void }> = []
  const probe = () => new Promise<void>((resolve, reject) => probes.push({ resolve, reject }))
  return { connection: { client: { pool } }, pool, probes, probe }
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("database reachability", () => {
  afterEach(() => watchDatabaseReachability(undefined, quiet))

  it("is unreachable when a failed connection of the pool is confirmed by a probe, until a new one succeeds", async () => {
    const { connection, pool, probes, probe } = fakeDatabase()
    watchDatabaseReachability(connection, quiet, probe)
    const before = Date.now()
    pool.emit("createFail", 1, Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))
    // Not yet: the probe has not answered.
    expect(databaseUnreachableSince()).toBeUndefined()
    expect(probes).toHaveLength(1)
    probes[0].reject(new Error("connect ECONNREFUSED"))
    await tick(0)
    expect(databaseUnreachableSince()).toBeGreaterThanOrEqual(before)
    pool.emit("createSuccess", 3, {})
    expect(databaseUnreachableSince()).toBeUndefined()
  })

  it("stays reachable when the probe gets through: one failed connection of the pool is no outage", async () => {
    const { connection, pool, probes, probe } = fakeDatabase()
    watchDatabaseReachability(connection, quiet, probe)
    pool.emit("createFail", 1, new Error("Connection terminated unexpectedly"))
    pool.emit("createFail", 2, new Error("Connection terminated unexpectedly"))
    // One probe at a time.
    expect(probes).toHaveLength(1)
    probes[0].resolve()
    await tick(700)
    expect(databaseUnreachableSince()).toBeUndefined()
    expect(probes).toHaveLength(1)
  })

  it("stays reachable when the probe is refused for another reason than an outage (no such database)", async () => {
    const { connection, pool, probes, probe } = fakeDatabase()
    watchDatabaseReachability(connection, quiet, probe)
    pool.emit("createFail", 1, new Error('database "shop" does not exist'))
    probes[0].reject(Object.assign(new Error('database "shop" does not exist'), { code: "3D000" }))
    await tick(0)
    expect(databaseUnreachableSince()).toBeUndefined()
  })

  it("probes every 500 ms while unreachable, one at a time, and is reachable once a probe gets through", async () => {
    const { connection, pool, probes, probe } = fakeDatabase()
    watchDatabaseReachability(connection, quiet, probe)
    pool.emit("createFail", 1, new Error("connect ECONNREFUSED"))
    probes[0].reject(new Error("connect ECONNREFUSED"))
    await tick(1_200)
    // The second probe is still waiting: no third one started.
    expect(probes).toHaveLength(2)
    probes[1].reject(new Error("Connection terminated due to connection timeout"))
    await tick(600)
    expect(probes).toHaveLength(3)
    expect(databaseUnreachableSince()).toBeDefined()
    probes[2].resolve()
    await tick(0)
    expect(databaseUnreachableSince()).toBeUndefined()
    await tick(600)
    expect(probes).toHaveLength(3)
  })

  it("watches only the last connection given", async () => {
    const first = fakeDatabase()
    const second = fakeDatabase()
    watchDatabaseReachability(first.connection, quiet, first.probe)
    watchDatabaseReachability(second.connection, quiet, second.probe)
    first.pool.emit("createFail", 1, new Error("old app"))
    expect(first.probes).toHaveLength(0)
    second.pool.emit("createFail", 1, new Error("down"))
    second.probes[0].reject(Object.assign(new Error("down"), { code: "ECONNREFUSED" }))
    await tick(0)
    expect(databaseUnreachableSince()).toBeDefined()
  })

  it("probes on a connection of its own with the pool's settings", async () => {
    const pool = new EventEmitter()
    // Nothing listens on port 1: the probe's own connection is refused, so the failure is confirmed.
    watchDatabaseReachability({ client: { pool, connectionSettings: "postgres://u:p@127.0.0.1:1/db" } }, quiet)
    pool.emit("createFail", 1, new Error("connect ECONNREFUSED"))
    for (let waited = 0; databaseUnreachableSince() === undefined && waited < 3_000; waited += 50) {
      await tick(50)
    }
    expect(databaseUnreachableSince()).toBeDefined()
  })
})
