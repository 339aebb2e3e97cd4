import fs from "node:fs"
import path from "node:path"
import { randomBytes } from "node:crypto"
import type { Browser, Page } from "playwright-core"
import { assertChromium, launchChromium, loginToDashboard, root } from "../helpers/shop-process"
import { SHARED_SHOP_ADMIN, sharedShop } from "../helpers/shared-shop"
import { writeBackupFixture } from "../helpers/backup-fixtures"
import { backupsDirOf } from "../../src/lib/backups/backups-dir"
import { STATUS_FILE, writeBackupStatus } from "../../src/lib/backups/backup-status"

/**
 * Settings → Backups on the shared e2e shop, in Chromium: a backup folder written into the shop's backups folder shows
 * as the newest row and in the status card (OK, restored and checked, next backup in about a day); a failed attempt
 * shows its error. The fixture and the shop's previous status are put back afterwards.
 */
jest.setTimeout(10 * 60_000)

describe("backups in the admin dashboard", () => {
  let browser: Browser | undefined
  let page: Page
  let base: string
  let backupsDir: string
  let statusBefore: string | undefined
  let fixtureDir: string | undefined
  // Newer than any backup the shop's worker may have taken, and no other spec's.
  const name = `${new Date().toISOString().replace(/[-:]|\.\d+/g, "")}-e2e-${randomBytes(3).toString("hex")}`

  beforeAll(async () => {
    assertChromium()
    const shop = await sharedShop()
    base = shop.base
    // The shop runs with the environment of this process and its own state folder (shared-shop/global-setup.ts).
    backupsDir = backupsDirOf(root, { ...process.env, TIENDA_STATE_DIR: shop.stateDir })
    const statusFile = path.join(backupsDir, STATUS_FILE)
    statusBefore = fs.existsSync(statusFile) ? fs.readFileSync(statusFile, "utf8") : undefined
    browser = await launchChromium()
    page = await loginToDashboard(browser, shop.port, SHARED_SHOP_ADMIN.email, SHARED_SHOP_ADMIN.password)
  })

  afterAll(async () => {
    if (fixtureDir) {
      fs.rmSync(fixtureDir, { recursive: true, force: true })
    }
    if (backupsDir) {
      const statusFile = path.join(backupsDir, STATUS_FILE)
      if (statusBefore === undefined) {
        fs.rmSync(statusFile, { force: true })
      } else {
        fs.writeFileSync(statusFile, statusBefore)
      }
    }
    await browser?.close()
  })

  it("shows the newest backup, its check and the next scheduled one, then a failed attempt", async () => {
    const createdAt = new Date().toISOString()
    fixtureDir = writeBackupFixture(backupsDir, name, {
      createdAt,
      bytes: 12_582_912,
      orders: 7,
      tables: 147,
      seconds: 83,
    })
    writeBackupStatus(backupsDir, {
      at: createdAt,
      ok: true,
      dir: fixtureDir,
      bytes: 12_582_912,
      seconds: 83,
      orders: 7,
      tables: 147,
      verifiedAt: createdAt,
      verified: true,
    })

    await page.goto(`${base}/app/settings/backups`)
    const row = page.getByTestId("backup-row").filter({ hasText: name })
    await row.waitFor({ timeout: 60_000 })
    expect(await page.getByTestId("backup-row").first().textContent()).toContain(name)
    const cells = await row.getByRole("cell").allTextContents()
    expect(cells.slice(1)).toEqual([name, "12.0 MB", "7", "147", "1 min 23 s"])

    const status = page.getByTestId("backup-status")
    await status.getByText("OK", { exact: true }).waitFor({ timeout: 30_000 })
    const text = await status.textContent()
    expect(text).toContain(name)
    expect(text).toContain("12.0 MB")
    expect(text).toMatch(/restored and checked/)
    expect(text).toMatch(/Every 24 hours, keeping the newest 7\. Next scheduled backup: ≈ /)
    expect(await page.getByTestId("backup-warning").count()).toBe(0)
    expect(await page.locator("code", { hasText: "npx tienda restore" }).count()).toBe(1)

    writeBackupStatus(backupsDir, {
      at: new Date().toISOString(),
      ok: false,
      error: "pg_backup_start failed: the server is shutting down",
    })
    await page.reload()
    await status.getByText("Failed", { exact: true }).waitFor({ timeout: 60_000 })
    expect(await page.getByTestId("backup-error").textContent()).toBe(
      "pg_backup_start failed: the server is shutting down"
    )
  })
})
