import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { spawn, type ChildProcess } from "node:child_process"
import { chromium, type Browser } from "playwright-core"
import { freePorts } from "./free-port"

/**
 * Helpers for end-to-end tests that run the shop the way a newcomer does (`tienda start`) and drive the admin
 * dashboard in Debian's Chromium.
 */
export const root = path.resolve(__dirname, "../..")
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium"

export interface RunningShop {
  child: ChildProcess
  port: number
  /** The port of the shop's embedded PostgreSQL. */
  pgPort: number
  /** The port of the server's own metrics listener (TIENDA_METRICS_PORT). */
  metricsPort: number
  output: () => string
}

/** A private state folder (embedded database, logs) that the embedded server's user may enter. */
export function makeStateDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-e2e-"))
  // mkdtemp makes a private folder; the embedded server (the "postgres" user when we are root) must enter it.
  fs.chmodSync(dir, 0o755)
  return dir
}

/**
 * `tienda start` on its own embedded PostgreSQL, on ports the system says are free, or on a stopped shop's ports
 * (`reuse`): a restart the way a user makes one, same environment.
 */
export async function startShop(
  stateDir: string,
  env: Record<string, string> = {},
  reuse?: RunningShop,
  args: string[] = []
): Promise<RunningShop> {
  const [port, pgPort, metricsPort] = reuse ? [reuse.port, reuse.pgPort, reuse.metricsPort] : await freePorts(3)
  let output = ""
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    TIENDA_PG_PORT: String(pgPort),
    TIENDA_STATE_DIR: stateDir,
    // Never the default 9464: shops of one run (and a developer's own) would take each other's.
    TIENDA_METRICS_PORT: String(metricsPort),
  }
  for (const name of ["DATABASE_URL", "NODE_ENV", "DB_HOST", "DB_PORT", "DB_USERNAME", "DB_PASSWORD", "LOG_LEVEL"]) {
    delete childEnv[name]
  }
  Object.assign(childEnv, env)
  const child = spawn(process.execPath, [path.join(root, "cli/bin/tienda.js"), "start", ...args], {
    cwd: root,
    env: childEnv,
  })
  child.stdout.on("data", (chunk) => (output += chunk))
  child.stderr.on("data", (chunk) => (output += chunk))
  return { child, port, pgPort, metricsPort, output: () => output }
}

export async function waitForOutput(shop: RunningShop, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!shop.output().includes(text)) {
    if (shop.child.exitCode !== null) {
      throw new Error(`tienda start exited (${shop.child.exitCode}) before "${text}":\n${shop.output()}`)
    }
    if (Date.now() > deadline) {
      throw new Error(`no "${text}" after ${timeoutMs / 1000} s:\n${shop.output()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

/** Waits for the "ready" banner; the first start on a fresh clone builds the dashboard (a few minutes under load). */
export function waitUntilReady(shop: RunningShop, timeoutMs = 12 * 60_000): Promise<void> {
  return waitForOutput(shop, "Press Ctrl-C to stop.", timeoutMs)
}

export async function stopShop(shop: RunningShop): Promise<number | null> {
  if (shop.child.exitCode !== null) {
    return shop.child.exitCode
  }
  const exited = new Promise<number | null>((resolve) => shop.child.once("exit", (code) => resolve(code)))
  shop.child.kill("SIGTERM")
  return exited
}

/** A value of the start banner, e.g. bannerValue(output, "Publishable key"). */
export function bannerValue(output: string, label: string): string {
  const line = output.split("\n").find((l) => l.trim().startsWith(label))
  if (!line) {
    throw new Error(`no "${label}" line in:\n${output}`)
  }
  return line.trim().slice(label.length).trim()
}

/** Fails loudly when Chromium is missing: admin pages are never "tested" without a browser. */
export function assertChromium(): void {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(
      `Chromium is missing at ${chromiumPath}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH. ` +
        `The admin dashboard cannot be tested without a real browser.`
    )
  }
}

export function launchChromium(): Promise<Browser> {
  assertChromium()
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

/** Logs in to /app with the admin's email and password and waits for the dashboard. */
export async function loginToDashboard(browser: Browser, port: number, email: string, password: string) {
  const page = await browser.newPage()
  await page.goto(`http://localhost:${port}/app`)
  await page.locator('input[name="email"]').fill(email)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((url) => !url.pathname.includes("/login"), { timeout: 60_000 })
  return page
}
