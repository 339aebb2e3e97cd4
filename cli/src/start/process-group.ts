import cluster, { type Worker } from "node:cluster"
import fs from "node:fs"
import { spawn, type ChildProcess } from "node:child_process"
import type { ProjectPaths } from "../shared/project"
import { info, warn } from "../shared/log"
import { UsageError } from "../shared/project"

/**
 * `tienda start --processes N`: N server processes (MEDUSA_WORKER_MODE=server) sharing the shop's port through
 * Node's cluster module (this process accepts connections and hands them out in turn), plus one worker
 * (MEDUSA_WORKER_MODE=worker: subscribers and scheduled jobs) on a loopback port of its own. A process that dies
 * is started again in the same role and number; one that dies 5 times within a minute stops the group.
 *
 * Not Medusa's `medusa start --cluster`: its worker-mode forks share the app port too (and answer 404 to
 * everything but /health), and a fork that dies is replaced by one that never receives its role, so never starts.
 */
export interface ProcessGroup {
  /** Resolves once every process answers; rejects when one cannot start. */
  ready: Promise<void>
  /** Resolves with an exit code when the group stops by itself (a process restarting in a loop). */
  exited: Promise<number>
  /** SIGTERM to every process (each drains), SIGKILL to any still running after `killAfterMs`. */
  stop(killAfterMs: number): Promise<void>
}

export const MAX_PROCESSES = 16
const RESTARTS_ALLOWED = 5
const RESTART_WINDOW_MS = 60_000

/** The --processes value: a whole number from 1 to MAX_PROCESSES; more than 1 needs a shared Redis. */
export function parseProcessCount(value: string | undefined, redisUrl: string | undefined): number {
  if (value === undefined) {
    return 1
  }
  const count = /^\d+$/.test(value) ? Number(value) : NaN
  if (!Number.isInteger(count) || count < 1 || count > MAX_PROCESSES) {
    throw new UsageError(`--processes must be a whole number from 1 to ${MAX_PROCESSES} (got "${value}")`)
  }
  if (count > 1 && !redisUrl) {
    throw new UsageError(
      "--processes above 1 needs REDIS_URL: the processes share Medusa's event bus, workflow engine, locks, " +
        "sessions and Tienda's catalog cache through Redis (without it each would keep its own, and the worker " +
        "would never see the servers' events)"
    )
  }
  return count
}

interface Member {
  name: string
  restarts: number[]
  stopped: Promise<void>
  signal(signal: NodeJS.Signals): void
}

export function startProcessGroup(
  paths: ProjectPaths,
  env: NodeJS.ProcessEnv,
  options: { servers: number; port: number; workerPort: number }
): ProcessGroup {
  let stopping = false
  let finish: (code: number) => void = () => undefined
  const exited = new Promise<number>((resolve) => (finish = resolve))
  const members: Member[] = []

  const restartOrGiveUp = (member: Member, how: string, start: () => void) => {
    if (stopping) {
      return
    }
    const now = Date.now()
    member.restarts = member.restarts.filter((at) => now - at < RESTART_WINDOW_MS).concat(now)
    if (member.restarts.length > RESTARTS_ALLOWED) {
      warn(`${member.name} ${how} ${member.restarts.length} times within a minute: stopping the shop`)
      void group.stop(15_000).then(() => finish(1))
      return
    }
    warn(`${member.name} ${how}: starting it again`)
    start()
  }

  cluster.setupPrimary({ exec: fs.realpathSync(paths.medusaBin), args: ["start"], cwd: paths.server })
  const listening = new Set<string>()
  let serversListening: () => void = () => undefined
  const allListening = new Promise<void>((resolve) => (serversListening = resolve))

  for (let number = 1; number <= options.servers; number++) {
    const member: Member = { name: `server-${number}`, restarts: [], stopped: Promise.resolve(), signal: () => {} }
    const fork = () => {
      const worker: Worker = cluster.fork({
        ...env,
        MEDUSA_WORKER_MODE: "server",
        TIENDA_PROCESS_NUMBER: String(number),
        TIENDA_PROCESS_NAME: member.name,
      })
      member.signal = (signal) => worker.process.kill(signal)
      member.stopped = new Promise((resolve) => worker.once("exit", () => resolve()))
      worker.on("listening", (address) => {
        if (address.port === options.port && !listening.has(member.name)) {
          listening.add(member.name)
          if (listening.size === options.servers) {
            serversListening()
          }
        }
      })
      worker.once("exit", (code, signal) => restartOrGiveUp(member, `exited (${signal ?? `code ${code}`})`, fork))
    }
    fork()
    members.push(member)
  }

  const workerMember: Member = { name: "worker", restarts: [], stopped: Promise.resolve(), signal: () => {} }
  let workerChild: ChildProcess
  const spawnWorker = () => {
    workerChild = spawn(paths.medusaBin, ["start"], {
      cwd: paths.server,
      stdio: "inherit",
      env: {
        ...env,
        MEDUSA_WORKER_MODE: "worker",
        PORT: String(options.workerPort),
        HOST: "127.0.0.1",
        TIENDA_PROCESS_NUMBER: String(options.servers + 1),
        TIENDA_PROCESS_NAME: "worker",
      },
    })
    const child = workerChild
    workerMember.signal = (signal) => child.kill(signal)
    workerMember.stopped = new Promise((resolve) => child.once("exit", () => resolve()))
    child.once("exit", (code, signal) =>
      restartOrGiveUp(workerMember, `exited (${signal ?? `code ${code}`})`, spawnWorker)
    )
  }
  spawnWorker()
  members.push(workerMember)

  const group: ProcessGroup = {
    ready: Promise.all([allListening, answers(`http://127.0.0.1:${options.workerPort}/health`)]).then(() =>
      info(
        `• ${options.servers} server processes on port ${options.port}, the worker on 127.0.0.1:${options.workerPort}`
      )
    ),
    exited,
    stop: async (killAfterMs) => {
      stopping = true
      for (const member of members) {
        member.signal("SIGTERM")
      }
      const kill = setTimeout(() => members.forEach((member) => member.signal("SIGKILL")), killAfterMs)
      await Promise.all(members.map((member) => member.stopped))
      clearTimeout(kill)
    },
  }
  return group
}

async function answers(url: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false
    )
    if (ok) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`)
}
