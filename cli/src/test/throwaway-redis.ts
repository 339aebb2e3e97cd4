import fs from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import crypto from "node:crypto"
import { spawn, type ChildProcess } from "node:child_process"
import { freePort } from "../shared/free-port"

/**
 * The key, in database 0, where a run's Redis holds the run's token. The specs' helper (integration-tests/helpers/
 * redis.ts) reads it before using a server: a Redis it does not find there was not started by this run.
 */
export const RUN_MARKER_KEY = "tienda-test:run"

/** What the server installs as: Debian's `redis-server` package (`apt-get install redis-server`). */
export const REDIS_SERVER = "redis-server"

export interface ThrowawayRedis {
  /** redis://:<token>@127.0.0.1:<port>: the password is the run's token, so no other server takes this URL. */
  url: string
  port: number
  stop(): Promise<void>
}

/** The `redis-server` program on PATH, or undefined when the machine has none. */
export function findRedisServer(searchPath = process.env.PATH ?? ""): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, REDIS_SERVER)
    try {
      fs.accessSync(candidate, fs.constants.X_OK)
      return candidate
    } catch {
      // not in this directory
    }
  }
  return undefined
}

/**
 * A Redis of the run's own: a free port on 127.0.0.1, nothing written to disk (no RDB snapshots, no append-only
 * file) in a temporary directory, the run's random token as its password and in RUN_MARKER_KEY. Stopped and its
 * directory removed by stop().
 */
export async function startThrowawayRedis(binary: string, logFile: string): Promise<ThrowawayRedis> {
  const token = crypto.randomBytes(24).toString("hex")
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tienda-test-redis-"))
  const port = await freePort()
  // Databases: 0 for the run's marker and counter, 1 for the apps' Redis modules, one more per spec file.
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--save",
    "",
    "--appendonly",
    "no",
    "--dir",
    dir,
    "--requirepass",
    token,
    "--databases",
    "256",
    "--daemonize",
    "no",
    "--logfile",
    "",
  ]
  const log = fs.openSync(logFile, "w")
  const server = spawn(binary, args, { stdio: ["ignore", log, log] })
  fs.closeSync(log)
  const stop = () => stopServer(server, dir)
  try {
    await answersWithMarker(server, port, token, logFile)
  } catch (error) {
    await stop()
    throw error
  }
  return { url: `redis://:${token}@127.0.0.1:${port}`, port, stop }
}

async function stopServer(server: ChildProcess, dir: string): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve))
    server.kill("SIGTERM")
    const killed = setTimeout(() => server.kill("SIGKILL"), 5_000)
    await exited
    clearTimeout(killed)
  }
  fs.rmSync(dir, { recursive: true, force: true })
}

/** Waits until the server takes the token and has stored the marker (or fails with its log's name). */
async function answersWithMarker(server: ChildProcess, port: number, token: string, logFile: string): Promise<void> {
  const deadline = Date.now() + 10_000
  let lastError = ""
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`redis-server exited at start (${server.exitCode ?? server.signalCode}); see ${logFile}`)
    }
    try {
      const replies = await exchange(port, [
        ["AUTH", token],
        ["SET", RUN_MARKER_KEY, token],
      ])
      if (replies === "+OK\r\n+OK\r\n") {
        return
      }
      lastError = JSON.stringify(replies)
    } catch (error) {
      lastError = (error as Error).message
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`redis-server on port ${port} did not answer within 10 s (${lastError}); see ${logFile}`)
}

/** Sends commands in Redis's protocol and returns the raw replies: enough for AUTH and SET, no client needed. */
function exchange(port: number, commands: string[][]): Promise<string> {
  const request = commands
    .map((words) => `*${words.length}\r\n${words.map((word) => `$${Buffer.byteLength(word)}\r\n${word}\r\n`).join("")}`)
    .join("")
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1")
    let reply = ""
    socket.setTimeout(2_000, () => socket.destroy(new Error("no answer")))
    socket.once("error", reject)
    socket.on("data", (chunk) => {
      reply += chunk.toString("utf8")
      if (reply.split("\r\n").length > commands.length) {
        socket.end()
        resolve(reply)
      }
    })
    socket.once("connect", () => socket.write(request))
  })
}
