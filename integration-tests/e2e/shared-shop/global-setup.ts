import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { bannerValue, makeStateDir, startShop, waitUntilReady } from "../../helpers/shop-process"
import { SHARED_SHOP_ADMIN, SHARED_SHOP_FILE_VARIABLE, type SharedShopRecord } from "../../helpers/shared-shop"

/**
 * One `tienda start` on a fresh embedded database for every e2e spec that only needs *a* running shop (admin pages,
 * multi-process checkout): each fresh start costs about a minute of migrations and seeding, so they share this one.
 * Specs that test starting itself (start-and-admin-login, cli-plugins) still run their own.
 */
export default async function startSharedShop(): Promise<void> {
  const stateDir = makeStateDir()
  const shop = await startShop(stateDir, { TIENDA_ADMIN_EMAIL: SHARED_SHOP_ADMIN.email, TIENDA_ADMIN_PASSWORD: SHARED_SHOP_ADMIN.password })
  ;(globalThis as any).__tiendaSharedShop = { shop, stateDir }
  // Should jest exit without running the global teardown (forced exit, crash), the shop must not outlive it.
  process.once("exit", () => shop.child.exitCode === null && shop.child.kill("SIGTERM"))
  await waitUntilReady(shop)
  const record: SharedShopRecord = {
    port: shop.port,
    pgPort: shop.pgPort,
    stateDir,
    publishableKey: bannerValue(shop.output(), "Publishable key"),
  }
  const file = path.join(os.tmpdir(), `tienda-e2e-shared-shop-${process.pid}.json`)
  fs.writeFileSync(file, JSON.stringify(record))
  process.env[SHARED_SHOP_FILE_VARIABLE] = file
}
