import { spawn, type ChildProcess } from "node:child_process"
import crypto from "node:crypto"
import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { freePort } from "./free-port"

/**
 * A Redis of the test's own, configured as a production shop would run it: the append-only file on (so queued
 * events and workflow state survive a restart), fsync every second. Stopped and started again on the same port
 * and data; removed by remove(). Never the machine's own Redis.
 */
export interface RestartableRedis {
  url: string
  port: number
  /** SIGTERM: Redis writes its append-only file and exits, cutting every client off. */
  shutDown(): Promise<void>
  startUp(): Promise<void>
  remove(): Promise<void>
}

export async function startRestartableRedis(
  binary = process.env.REDIS_SERVER_PATH || "redis-server"
): Promise<RestartableRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-fault-redis-"))
  const port = await freePort()
  const password = crypto.randomBytes(16).toString("hex")
  let server: ChildProcess | undefined
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--requirepass",
    password,
    "--appendonly",
    "yes",
    "--appendfsync",
    "everysec",
    "--save",
    "",
    "--daemonize",
    "no",
  ]
  const startUp = async () => {
    const log = fs.openSync(path.join(dir, "redis.log"), "a")
    server = spawn(binary, args, { stdio: ["ignore", log, log] })
    fs.closeSync(log)
    const deadline = Date.now() + 10_000
    while (!(await accepts(port))) {
      if (server.exitCode !== null || Date.now() > deadline) {
        throw new Error(
          `redis-server did not start:\n${fs.readFileSync(path.join(dir, "redis.log"), "utf8").slice(-2000)}`
        )
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
  const shutDown = async () => {
    const running = server
    if (!running || running.exitCode !== null || running.signalCode !== null) {
      return
    }
    const exited = new Promise((resolve) => running.once("exit", resolve))
    running.kill("SIGTERM")
    await exited
  }
  await startUp()
  return {
    url: `redis://:${password}@127.0.0.1:${port}`,
    port,
    shutDown,
    startUp,
    remove: async () => {
      await shutDown()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1")
    socket.once("connect", () => {
      socket.destroy()
      resolve(true)
    })
    socket.once("error", () => resolve(false))
  })
}
