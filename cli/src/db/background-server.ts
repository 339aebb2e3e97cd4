import fs from "node:fs"
import path from "node:path"
import type { ProjectPaths } from "../shared/project"
import { EMBEDDED_DATABASE, EMBEDDED_PASSWORD, EMBEDDED_USER } from "./embedded-postgres"

/** The record `tienda db start` keeps of its background server: the holder process's pid and the port. */
export interface BackgroundServer {
  pid: number
  port: number
  startedAt: string
}

export function backgroundRecordFile(paths: ProjectPaths): string {
  return path.join(paths.state, "db.json")
}

export function backgroundLogFile(paths: ProjectPaths): string {
  return path.join(paths.state, "db-background.log")
}

/** The background server when its holder process is alive; a stale record is removed. */
export function runningBackgroundServer(paths: ProjectPaths): BackgroundServer | undefined {
  const file = backgroundRecordFile(paths)
  let record: BackgroundServer
  try {
    record = JSON.parse(fs.readFileSync(file, "utf8"))
  } catch {
    return undefined
  }
  if (isAlive(record.pid)) {
    return record
  }
  fs.rmSync(file, { force: true })
  return undefined
}

export function embeddedUrl(port: number, database = EMBEDDED_DATABASE): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${port}/${database}`
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
