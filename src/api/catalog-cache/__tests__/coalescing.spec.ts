import { resetSettings } from "../../../lib/settings"
import { catalogCache } from "../url-cache"

/** A minimal Express-like request/response pair, enough for the cache middleware. */
function exchange(url: string) {
  const req: any = {
    method: "GET",
    originalUrl: url,
    headers: { "x-publishable-api-key": "pk_test" },
    get: () => undefined,
  }
  const res: any = {
    statusCode: 200,
    headers: {} as Record<string, string>,
    locals: {} as Record<string, unknown>,
    sent: undefined as string | undefined,
    setHeader: (name: string, value: string) => (res.headers[name.toLowerCase()] = value),
    status: (code: number) => ((res.statusCode = code), res),
    type: () => res,
    send: (body: string) => (res.sent = body),
    json: (body: unknown) => (res.sent = JSON.stringify(body)),
    once: () => res,
  }
  return { req, res }
}

describe("catalog cache under concurrent misses", () => {
  const saved = process.env.TIENDA_CATALOG_CACHE
  beforeAll(() => {
    process.env.TIENDA_CATALOG_CACHE = "on"
    resetSettings()
  })
  afterAll(() => {
    if (saved === undefined) {
      delete process.env.TIENDA_CATALOG_CACHE
    } else {
      process.env.TIENDA_CATALOG_CACHE = saved
    }
    resetSettings()
  })

  it("lets identical requests wait for the first read instead of reading again", async () => {
    const url = `/store/regions?coalescing=${Date.now()}`
    const first = exchange(url)
    const second = exchange(url)
    let reads = 0
    let answer: () => void = () => {}
    const answered = new Promise<void>((resolve) => (answer = resolve))
    const firstDone = catalogCache(first.req, first.res, () => {
      reads++
      setTimeout(() => {
        first.res.json({ regions: [{ id: "reg_1" }] })
        answer()
      }, 20)
    })
    await new Promise((resolve) => setTimeout(resolve, 5))
    const secondDone = catalogCache(second.req, second.res, () => reads++)
    await Promise.all([firstDone, answered, secondDone])
    expect(reads).toBe(1)
    expect(first.res.headers["x-tienda-cache"]).toBe("miss")
    expect(second.res.headers["x-tienda-cache"]).toBe("hit")
    expect(String(second.res.sent)).toBe(first.res.sent)
  })

  it("does not share an error: the next request reads again", async () => {
    const url = `/store/regions?failing=${Date.now()}`
    const first = exchange(url)
    let reads = 0
    await catalogCache(first.req, first.res, () => {
      reads++
      first.res.status(500).json({ message: "unexpected error" })
    })
    const second = exchange(url)
    await catalogCache(second.req, second.res, () => {
      reads++
      second.res.json({ regions: [] })
    })
    expect(reads).toBe(2)
    expect(second.res.headers["x-tienda-cache"]).toBe("miss")
  })
})
