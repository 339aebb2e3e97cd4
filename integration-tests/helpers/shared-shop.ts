import fs from "node:fs"
import Medusa from "@medusajs/js-sdk"

/** The admin of the shared e2e shop (see integration-tests/e2e/shared-shop/global-setup.ts). */
export const SHARED_SHOP_ADMIN = { email: "e2e-merchant@tienda.test", password: "e2e-merchant-password-1" }

export interface SharedShopRecord {
  port: number
  pgPort: number
  /** Its server's metrics listener (loopback). */
  metricsPort: number
  stateDir: string
  /** starting → built (the production build is done) → ready (answering), or failed (with the end of its output). */
  state: "starting" | "built" | "ready" | "failed"
  publishableKey?: string
  output?: string
}

/** Set by the global setup: where it left the shop's coordinates (jest hands its environment to every test file). */
export const SHARED_SHOP_FILE_VARIABLE = "TIENDA_E2E_SHOP_FILE"

/** A JSON request to a shop; the status and the parsed body, whatever the status. */
export async function requestJson(
  base: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {}
) {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  })
  const data: any = await response.json().catch(() => null)
  return { status: response.status, data }
}

/** A JSON request that must succeed: its body, or an error naming the call, the status and the answer. */
export async function okJson(
  base: string,
  method: string,
  url: string,
  body?: unknown,
  headers?: Record<string, string>
) {
  const { status, data } = await requestJson(base, method, url, body, headers)
  if (status >= 300) {
    throw new Error(`${method} ${url} → ${status}: ${JSON.stringify(data)}`)
  }
  return data
}

export interface SharedShop extends SharedShopRecord {
  publishableKey: string
  base: string
  sdk: () => Medusa
  adminHeaders: () => Promise<Record<string, string>>
}

/** Waits until the shared shop's record reaches `state` (or later); fails with its output when it did not start. */
async function waitForSharedShop(state: "built" | "ready", timeoutMs = 9 * 60_000): Promise<SharedShopRecord> {
  const file = process.env[SHARED_SHOP_FILE_VARIABLE]
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      `no shared e2e shop (${file} is missing): run the e2e project through jest's config (npm test / tienda test --e2e)`
    )
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const record: SharedShopRecord = JSON.parse(fs.readFileSync(file, "utf8"))
    if (record.state === "failed") {
      throw new Error(`the shared e2e shop (tienda start) did not start:\n${record.output}`)
    }
    if (record.state === "ready" || record.state === state) {
      return record
    }
    if (Date.now() > deadline) {
      throw new Error(`the shared e2e shop is not ${state} after ${timeoutMs / 1000} s (state: ${record.state})`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
}

/** Resolves once the shared shop's production build is done: a spec starting its own shop in this project waits. */
export async function sharedShopBuilt(): Promise<void> {
  await waitForSharedShop("built")
}

/** The running shared shop, once it answers; fails clearly when the e2e project's global setup did not start it. */
export async function sharedShop(): Promise<SharedShop> {
  const record = await waitForSharedShop("ready")
  const publishableKey = record.publishableKey as string
  const base = `http://localhost:${record.port}`
  return {
    ...record,
    publishableKey,
    base,
    sdk: () => new Medusa({ baseUrl: base, publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } }),
    adminHeaders: async () => {
      const response = await fetch(`${base}/auth/user/emailpass`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(SHARED_SHOP_ADMIN),
      })
      const { token } = await response.json()
      return { authorization: `Bearer ${token}` }
    },
  }
}
