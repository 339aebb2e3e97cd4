// The production topology as one bench system: Debian's HAProxy with ops/haproxy/haproxy.cfg on PORT, in front of
// BENCH_TOPOLOGY_SERVERS (1 or 2) server processes on the next ports, plus the worker. Run in its own process group
// by bench/systems.ts, which stops it with SIGTERM; every child is stopped with it.
const { spawn } = require("node:child_process")
const path = require("node:path")

const root = path.resolve(__dirname, "..")
const port = Number(process.env.PORT)
const servers = Number(process.env.BENCH_TOPOLOGY_SERVERS || "2")
const medusa = path.join(root, "node_modules/.bin/medusa")
const children = []

function start(command, args, env, cwd) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: "inherit" })
  child.once("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${command} ${args.join(" ")} exited (${signal || code}): stopping the topology`)
      stop(1)
    }
  })
  children.push(child)
}

const serverPorts = Array.from({ length: servers }, (_, i) => port + 1 + i)
serverPorts.forEach((serverPort, i) =>
  start(
    medusa,
    ["start"],
    {
      PORT: String(serverPort),
      MEDUSA_WORKER_MODE: "server",
      TIENDA_PROCESS_NUMBER: String(i + 1),
      TIENDA_TRUSTED_PROXIES: "1",
    },
    path.join(root, ".medusa/server")
  )
)
start(
  medusa,
  ["start"],
  { PORT: String(port + 10), HOST: "127.0.0.1", MEDUSA_WORKER_MODE: "worker", TIENDA_PROCESS_NUMBER: "9" },
  path.join(root, ".medusa/server")
)
start(process.env.HAPROXY_PATH || "/usr/sbin/haproxy", ["-f", path.join(root, "ops/haproxy/haproxy.cfg"), "-db"], {
  TIENDA_LB_BIND: `127.0.0.1:${port}`,
  TIENDA_LB_STATS_BIND: `127.0.0.1:${port + 20}`,
  TIENDA_SERVER_1: `127.0.0.1:${serverPorts[0]}`,
  // The shipped file names two servers; with one, both lines name it.
  TIENDA_SERVER_2: `127.0.0.1:${serverPorts[serverPorts.length - 1]}`,
})

let stopping = false
function stop(code) {
  stopping = true
  for (const child of children) {
    if (child.exitCode === null) child.kill("SIGTERM")
  }
  Promise.all(children.map((child) => child.exitCode !== null || new Promise((r) => child.once("exit", r)))).then(() =>
    process.exit(code)
  )
}
process.on("SIGTERM", () => stop(0))
process.on("SIGINT", () => stop(0))
