import fs from "node:fs"
import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process"

/** Runs a command to completion with inherited output; rejects with a message naming it when it fails. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", ...options })
    child.once("error", reject)
    child.once("exit", (code, signal) => {
      if (code === 0) {
        resolve()
      } else {
        reject(new Error(`\`${[command, ...args].join(" ")}\` failed (${signal ?? `exit code ${code}`})`))
      }
    })
  })
}

/** Like `run`, but the command's output goes to `logFile`, named in the error when it fails. */
export async function runLogged(
  command: string,
  args: string[],
  options: SpawnOptions & { logFile: string }
): Promise<void> {
  const log = fs.openSync(options.logFile, "w")
  try {
    await run(command, args, { ...options, stdio: ["ignore", log, log] })
  } catch (error) {
    throw new Error(`${(error as Error).message}; its output is in ${options.logFile}`)
  } finally {
    fs.closeSync(log)
  }
}

/** Resolves with the exit code of a child process (signal deaths count as 1). */
export function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve(child.exitCode)
      return
    }
    child.once("exit", (code) => resolve(code ?? 1))
  })
}
