import { readinessOf } from "../readiness"
import { startDraining, stopDrainingForTests } from "../drain"

/** Just enough of knex for the checks: `raw` and `db(table).select().whereIn()`. */
function fakeDatabase(options: { answers?: boolean; hangs?: boolean; applied?: string[] }) {
  const raw = () =>
    options.hangs
      ? new Promise(() => undefined)
      : options.answers === false
        ? Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"))
        : Promise.resolve({ rows: [{ "?column?": 1 }] })
  const table = () => ({
    select: () => ({
      whereIn: (_column: string, names: string[]) =>
        Promise.resolve(names.filter((name) => (options.applied ?? names).includes(name)).map((name) => ({ name }))),
    }),
  })
  return Object.assign(table, { raw }) as never
}

describe("readiness", () => {
  afterEach(() => stopDrainingForTests())

  it("is ready when PostgreSQL answers and the app's migrations are applied", async () => {
    const readiness = await readinessOf({ database: fakeDatabase({}), redisConfigured: false })
    expect(readiness.status).toBe("ready")
    expect(readiness.checks.map((check) => check.name)).toEqual(["postgres", "migrations"])
  })

  it("is not ready when PostgreSQL refuses, naming the check", async () => {
    const readiness = await readinessOf({ database: fakeDatabase({ answers: false }), redisConfigured: false })
    expect(readiness.status).toBe("not_ready")
    expect(readiness.checks.find((check) => check.name === "postgres")).toEqual({
      name: "postgres",
      ok: false,
      detail: "connect ECONNREFUSED 127.0.0.1:5432",
    })
  })

  it("gives up on a PostgreSQL that does not answer within 2 s", async () => {
    const started = Date.now()
    const readiness = await readinessOf({ database: fakeDatabase({ hangs: true }), redisConfigured: false })
    expect(readiness.status).toBe("not_ready")
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(readiness.checks[0].detail).toContain("no answer within")
  })

  it("is draining from SIGTERM on, whatever its dependencies", async () => {
    startDraining()
    const readiness = await readinessOf({ database: fakeDatabase({}), redisConfigured: true })
    expect(readiness).toEqual({ status: "draining", checks: [] })
  })
})
