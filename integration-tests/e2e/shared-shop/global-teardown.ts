import fs from "node:fs"
import { stopShop, type RunningShop } from "../../helpers/shop-process"
import { SHARED_SHOP_FILE_VARIABLE } from "../../helpers/shared-shop"

/** Stops the shared e2e shop (server, then its embedded PostgreSQL) and removes its state. */
export default async function stopSharedShop(): Promise<void> {
  const started = (globalThis as any).__tiendaSharedShop as { shop: RunningShop; stateDir: string } | undefined
  if (!started) {
    return
  }
  await stopShop(started.shop)
  fs.rmSync(started.stateDir, { recursive: true, force: true })
  const file = process.env[SHARED_SHOP_FILE_VARIABLE]
  if (file) {
    fs.rmSync(file, { force: true })
  }
}
