import { execFile } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { promisify } from "node:util"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { projectRootOf } from "../lib/secrets/state-dir"
import { backupRuns } from "../lib/metrics"

const run = promisify(execFile)

/**
 * Every hour the worker asks `tienda backup --scheduled` whether a backup is due (TIENDA_BACKUP_INTERVAL_HOURS since
 * the newest one) and lets it take one and delete those beyond TIENDA_BACKUP_KEEP. The CLI does the work in a
 * process of its own: the copy, its read-back on a scratch server and the pruning never block this worker's loop.
 */
export default async function backUpShopJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const outcome = await backUpShop(projectRootOf(process.cwd()))
  backupRuns.inc({ outcome: outcome.kind })
  if (outcome.kind === "failure") {
    logger.error(`scheduled backup failed: ${outcome.message}`)
  } else if (outcome.kind === "success") {
    logger.info(`scheduled backup: ${outcome.message}`)
  }
}

export type BackupOutcome = { kind: "success" | "failure" | "skipped"; message: string }

export async function backUpShop(root: string, env: NodeJS.ProcessEnv = process.env): Promise<BackupOutcome> {
  const cli = path.join(root, "node_modules", ".bin", "tienda")
  if (!fs.existsSync(cli)) {
    return { kind: "failure", message: `the tienda CLI is not installed at ${cli}` }
  }
  try {
    const { stdout } = await run(cli, ["backup", "--scheduled", "--json"], {
      cwd: root,
      env,
      maxBuffer: 16 * 1024 * 1024,
      timeout: 6 * 3_600_000,
    })
    const answer = JSON.parse(stdout) as { skipped?: string; dir?: string; manifest?: { bytes: number } }
    return answer.skipped
      ? { kind: "skipped", message: answer.skipped }
      : { kind: "success", message: `${answer.dir} (${answer.manifest?.bytes ?? 0} bytes)` }
  } catch (error) {
    const failed = error as { stderr?: string; message: string }
    return { kind: "failure", message: (failed.stderr || failed.message).trim().slice(-2000) }
  }
}

export const config = {
  name: "tienda-back-up-shop",
  schedule: "23 * * * *",
}
