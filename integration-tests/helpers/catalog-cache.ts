import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { setAppEnv } from "./app-env"

type Headers = { headers: Record<string, string> }

/**
 * The test runner resets the database between tests without any event, so each test starts by emitting one: the
 * cache's subscriber bumps its generations and nothing cached by an earlier test is served.
 */
export async function forgetCachedCatalog(container: MedusaContainer): Promise<void> {
  await container.resolve(Modules.EVENT_BUS).emit({ name: "product.updated", data: { id: "test-reset" } })
}

/**
 * Asks until the cache answers: the first answer must come from Medusa or the read model (miss), a later one from
 * the cache (hit), all identical. Answers Medusa assembled are cached at once; the read model's cheap fast-path
 * answers only when their URL comes again (the doorkeeper in middleware.ts), so that takes one more request.
 */
export async function warm(api: any, url: string, headers: Headers): Promise<any> {
  const first = await api.get(url, headers)
  expect(first.headers["x-tienda-cache"]).toBe("miss")
  let later = await api.get(url, headers)
  if (first.headers["x-tienda-read-model"] === "fast") {
    expect(later.headers["x-tienda-cache"]).toBe("miss")
    expect(later.data).toEqual(first.data)
    later = await api.get(url, headers)
  }
  expect(later.headers["x-tienda-cache"]).toBe("hit")
  expect(later.data).toEqual(first.data)
  return later.data
}

/** The next answer after a change: read from Medusa again, and the same as with the cache switched off. */
export async function next(api: any, url: string, headers: Headers): Promise<any> {
  const response = await api.get(url, headers)
  expect(response.headers["x-tienda-cache"]).toBe("miss")
  setAppEnv({ TIENDA_CATALOG_CACHE: "off" })
  try {
    expect((await api.get(url, headers)).data).toEqual(response.data)
  } finally {
    setAppEnv({ TIENDA_CATALOG_CACHE: "on" })
  }
  return response.data
}
