import { execFile } from "node:child_process"
import { promisify } from "node:util"
import type { Client } from "pg"

const run = promisify(execFile)

/**
 * PostgreSQL's client tools (`pg_dump`, `pg_restore`) from PATH, checked against the server: a tool older than the
 * server refuses to work, so the mismatch is named with the package that fixes it.
 */
export async function pgTool(tool: "pg_dump" | "pg_restore", client: Client): Promise<string> {
  let version: string
  try {
    version = (await run(tool, ["--version"])).stdout
  } catch {
    throw new Error(
      `${tool} is not installed: install PostgreSQL's client tools of your server's version ` +
        "(Debian/Ubuntu: apt-get install postgresql-client-<major>)"
    )
  }
  const toolMajor = Number(/(\d+)(\.\d+)?/.exec(version)?.[1])
  const serverMajor = Math.floor(
    Number((await client.query("SHOW server_version_num")).rows[0].server_version_num) / 10_000
  )
  if (!(toolMajor >= serverMajor)) {
    throw new Error(
      `${tool} ${toolMajor} cannot work with PostgreSQL ${serverMajor}: install postgresql-client-${serverMajor} ` +
        "(or newer) and put its bin folder first in PATH"
    )
  }
  return tool
}

export async function runPgTool(tool: string, args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 })
  } catch (error) {
    throw new Error(`${tool} failed: ${((error as { stderr?: string }).stderr || String(error)).trim().slice(-2000)}`)
  }
}
