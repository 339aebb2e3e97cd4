import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { bannerValue, makeStateDir, startShop } from "../../helpers/shop-process"
import { SHARED_SHOP_ADMIN, SHARED_SHOP_FILE_VARIABLE, type SharedShopRecord } from "../../helpers/shared-shop"

/** The production build is done (made now, or found current): `tienda start` prints one of these. */
const BUILT = /Production build is up to date|Building the app and the admin dashboard[^\n]*\n\s+built/

/**
 * One `tienda start` on a fresh embedded database for every e2e spec that only needs *a* running shop (admin pages,
 * multi-process checkout): each fresh start costs about a minute of migrations and seeding, so they share this one.
 * Specs that test starting itself (start-and-admin-login, cli-plugins) still run their own.
 *
 * Jest starts no test before every global setup has returned, so this one does not wait for the shop: the unit and
 * HTTP specs run while it builds, migrates and seeds. It records the shop's progress in a file the specs read
 * (`await sharedShop()` waits for "ready"; `await sharedShopBuilt()` for the production build they share).
 */
export default async function startSharedShop(): Promise<void> {
  const stateDir = makeStateDir()
  const shop = await startShop(stateDir, {
    TIENDA_ADMIN_EMAIL: SHARED_SHOP_ADMIN.email,
    TIENDA_ADMIN_PASSWORD: SHARED_SHOP_ADMIN.password,
    // The two-process checkout race sends every shopper from 127.0.0.1.
    TIENDA_CHECKOUT_PER_ADDRESS: "1000",
  })
  ;(globalThis as any).__tiendaSharedShop = { shop, stateDir }
  // Should jest exit without running the global teardown (forced exit, crash), the shop must not outlive it.
  process.once("exit", () => shop.child.exitCode === null && shop.child.kill("SIGTERM"))

  const file = path.join(os.tmpdir(), `tienda-e2e-shared-shop-${process.pid}.json`)
  const base = { port: shop.port, pgPort: shop.pgPort, metricsPort: shop.metricsPort, stateDir }
  const write = (record: SharedShopRecord) => fs.writeFileSync(file, JSON.stringify(record))
  write({ ...base, state: "starting" })
  process.env[SHARED_SHOP_FILE_VARIABLE] = file

  let state: SharedShopRecord["state"] = "starting"
  const follow = setInterval(() => {
    const output = shop.output()
    if (shop.child.exitCode !== null) {
      state = "failed"
      write({ ...base, state, output: output.slice(-6000) })
    } else if (output.includes("Press Ctrl-C to stop.")) {
      state = "ready"
      write({ ...base, state, publishableKey: bannerValue(output, "Publishable key") })
    } else if (state === "starting" && BUILT.test(output)) {
      state = "built"
      write({ ...base, state })
    }
    if (state === "ready" || state === "failed") {
      clearInterval(follow)
    }
  }, 250)
  // The jest process must not stay alive for this timer alone.
  follow.unref()
}
