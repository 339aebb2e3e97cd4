import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { freePorts } from "../helpers/free-port"
import { sharedShop, type SharedShop } from "../helpers/shared-shop"
import { startServerProcess, stopServerProcess, type ServerProcess } from "../helpers/server-process"

jest.setTimeout(10 * 60_000)

const NGINX = process.env.NGINX_PATH || "/usr/sbin/nginx"
const SHOPPERS = 4

/**
 * A rolling restart under steady load loses no request: two server processes of the shop behind Debian's nginx
 * (a refused connection retried on the other server), each stopped with
 * SIGTERM and started again in turn while shoppers browse through the balancer. A stopping process refuses new
 * connections, finishes what it is answering and exits 0; nginx sends the next requests to the other one.
 */
describe("rolling restart behind nginx", () => {
  let shop: SharedShop
  let nginx: ChildProcess | undefined
  let nginxOutput = ""
  const servers: ServerProcess[] = []
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-nginx-"))

  const serverEnv = {
    // Every shopper comes through nginx from 127.0.0.1: no per-address limit may decide this test.
    TIENDA_RATE_LIMIT: "off",
    TIENDA_DRAIN_TIMEOUT_SECONDS: "20",
  }

  afterAll(async () => {
    await Promise.all(servers.map(stopServerProcess))
    if (nginx && nginx.exitCode === null) {
      nginx.kill("SIGQUIT")
      await new Promise((resolve) => nginx!.once("exit", resolve))
    }
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("serves every request while each server restarts in turn: no connection error, no 5xx", async () => {
    if (!fs.existsSync(NGINX) || spawnSync(NGINX, ["-v"]).status !== 0) {
      throw new Error(`nginx is needed at ${NGINX}: apt-get install nginx-light (or set NGINX_PATH)`)
    }
    shop = await sharedShop()
    const [balancerPort, portA, portB] = await freePorts(3)
    servers.push(await startServerProcess(shop, portA, serverEnv), await startServerProcess(shop, portB, serverEnv))
    fs.writeFileSync(path.join(dir, "nginx.conf"), nginxConfig(dir, balancerPort, [portA, portB]))
    nginx = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf")])
    nginx.stdout!.on("data", (chunk) => (nginxOutput += chunk))
    nginx.stderr!.on("data", (chunk) => (nginxOutput += chunk))
    const balancer = `http://127.0.0.1:${balancerPort}`
    await waitFor(async () => (await fetch(`${balancer}/health`).catch(() => undefined))?.status === 200, "nginx")

    const key = { "x-publishable-api-key": shop.publishableKey }
    const tally = { ok: 0, other: new Map<number, number>(), errors: [] as string[] }
    let running = true
    const regionId = (await (await fetch(`${balancer}/store/regions`, { headers: key })).json()).regions[0].id
    // Browsing (GETs nginx may retry elsewhere) and cart creation (POSTs it never retries once sent: one cut off by
    // a stopping server would surface as a 502).
    const requests: Array<() => RequestInit & { url: string }> = [
      () => ({ url: "/store/regions" }),
      () => ({ url: "/store/products?limit=5" }),
      () => ({ url: "/store/carts", method: "POST", body: JSON.stringify({ region_id: regionId }) }),
      () => ({ url: "/store/product-categories?limit=5" }),
      () => ({ url: "/store/carts", method: "POST", body: JSON.stringify({ region_id: regionId }) }),
    ]
    const shopper = async (index: number) => {
      for (let n = index; running; n++) {
        try {
          const { url, ...init } = requests[n % requests.length]()
          const response = await fetch(`${balancer}${url}`, {
            ...init,
            headers: { ...key, "content-type": "application/json" },
            signal: AbortSignal.timeout(30_000),
          })
          await response.arrayBuffer()
          if (response.status === 200 || response.status === 201) {
            tally.ok++
          } else {
            tally.other.set(response.status, (tally.other.get(response.status) ?? 0) + 1)
          }
        } catch (error) {
          tally.errors.push(String((error as { cause?: unknown }).cause ?? error))
        }
      }
    }
    const load = Array.from({ length: SHOPPERS }, (_, index) => shopper(index))

    const exits: Array<number | null> = []
    for (const index of [0, 1]) {
      await new Promise((resolve) => setTimeout(resolve, 2_000))
      const before = tally.ok
      exits.push(await stopServerProcess(servers[index]))
      servers[index] = await startServerProcess(shop, servers[index].port, serverEnv)
      // Shoppers kept being answered while this server was away.
      expect(tally.ok).toBeGreaterThan(before)
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    running = false
    await Promise.all(load)

    // nginx's own account of what it could not pass on, shown when a shopper saw a failure (why a 502 was a 502). A
    // GET cut off by a stopping server is logged there too, and retried on the other one: the shopper got a 200.
    const failed = tally.errors.length > 0 || tally.other.size > 0
    const nginxLog = fs.existsSync(path.join(dir, "error.log"))
      ? fs.readFileSync(path.join(dir, "error.log"), "utf8")
      : ""
    const unanswered = nginxLog
      .split("\n")
      .filter((line) => line.includes("[error]") && !line.includes("(111: Connection refused)"))
    expect({
      errors: tally.errors,
      statuses: Object.fromEntries(tally.other),
      nginx: failed ? unanswered.slice(0, 20) : [],
    }).toEqual({
      errors: [],
      statuses: {},
      nginx: [],
    })
    expect(exits).toEqual([0, 0])
    expect(tally.ok).toBeGreaterThan(50)
    // Both servers answer again after the restart.
    for (const server of servers) {
      expect((await fetch(`${server.base}/ready`)).status).toBe(200)
    }
  })

  function nginxConfig(prefix: string, port: number, upstreams: number[]): string {
    return `
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 512; }
http {
  access_log off;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream tienda {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join("\n")}
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://tienda;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      # A refused or reset connection goes to the other server; nginx never retries a request it already sent
      # unless it is idempotent (non_idempotent is not set). max_fails=0: a refusal is not remembered, so a server
      # is tried again as soon as it is back and both servers are never out at once ("no live upstreams").
      proxy_next_upstream error timeout;
      proxy_connect_timeout 2s;
    }
  }
}
`
  }

  async function waitFor(check: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 30_000
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error(`${what} did not come up:\n${nginxOutput}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
})
