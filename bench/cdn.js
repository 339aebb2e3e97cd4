// Tienda behind a CDN as one bench system: Debian's Varnish with ops/varnish/tienda.vcl on PORT, in front of one
// Tienda server (the `tienda` system: in-process catalog cache) on the next port, which purges Varnish on every
// change (TIENDA_CDN_PURGE_URL). Run in its own process group by bench/systems.ts, which stops it with SIGTERM and
// reads Varnish's counters around each scenario (varnishstat on BENCH_VARNISH_DIR).
const { spawn } = require("node:child_process")
const fs = require("node:fs")
const os = require("node:os")
const path = require("node:path")

const { varnishdArgs } = require("../ops/varnish/varnishd")

const root = path.resolve(__dirname, "..")
const port = Number(process.env.PORT)
const varnishd = process.env.VARNISHD_PATH || "/usr/sbin/varnishd"
// BENCH_VARNISH_DIR: where the bench reads Varnish's counters from (varnishstat -n), emptied first.
const dir = process.env.BENCH_VARNISH_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "tienda-bench-varnish-"))
fs.rmSync(dir, { recursive: true, force: true })
fs.mkdirSync(dir, { recursive: true })
const children = []
let stopping = false

function start(command, args, env, cwd) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: "inherit" })
  child.once("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${command} exited (${signal || code}): stopping`)
      stop(1)
    }
  })
  children.push(child)
}

start(
  path.join(root, "node_modules/.bin/medusa"),
  ["start"],
  { PORT: String(port + 1), TIENDA_CDN_PURGE_URL: `http://127.0.0.1:${port}/tienda-purge` },
  path.join(root, ".medusa/server")
)
start(varnishd, varnishdArgs({ dir, port, backendPort: port + 1, storageMb: 256 }), {})

function stop(code) {
  stopping = true
  for (const child of children) {
    if (child.exitCode === null) child.kill("SIGTERM")
  }
  Promise.all(children.map((child) => child.exitCode !== null || new Promise((r) => child.once("exit", r)))).then(
    () => {
      fs.rmSync(dir, { recursive: true, force: true })
      process.exit(code)
    }
  )
}
process.on("SIGTERM", () => stop(0))
process.on("SIGINT", () => stop(0))
