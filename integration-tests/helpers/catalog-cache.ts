import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Headers = { headers: Record<string, string> }

/**
 * The test runner resets the database between tests without any event, so each test starts by emitting one: the
 * cache's subscriber bumps its generations and nothing cached by an earlier test is served.
 */
export async function forgetCachedCatalog(container: MedusaContainer): Promise<void> {
  await container.resolve(Modules.EVENT_BUS).emit({ name: "product.updated", data: { id: "test-reset" } })
}

/** Asks twice: the first answer must come from Medusa (miss), the second from the cache (hit), both identical. */
export async function warm(api: any, url: string, headers: Headers): Promise<any> {
  const first = await api.get(url, headers)
  const second = await api.get(url, headers)
  expect(first.headers["x-tienda-cache"]).toBe("miss")
  expect(second.headers["x-tienda-cache"]).toBe("hit")
  expect(second.data).toEqual(first.data)
  return second.data
}

/** The next answer after a change: read from Medusa again, and the same as with the cache switched off. */
export async function next(api: any, url: string, headers: Headers): Promise<any> {
  const response = await api.get(url, headers)
  expect(response.headers["x-tienda-cache"]).toBe("miss")
  process.env.TIENDA_CATALOG_CACHE = "off"
  try {
    expect((await api.get(url, headers)).data).toEqual(response.data)
  } finally {
    process.env.TIENDA_CATALOG_CACHE = "on"
  }
  return response.data
}
