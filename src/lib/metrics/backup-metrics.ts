import { Counter, Gauge } from "prom-client"
import { readBackupStatus } from "../backups/backup-status"
import { listBackups, readManifest } from "../backups/backup-manifest"
import { onScrape } from "./exposition"
import { metricsRegistry } from "./registry"

const registers = [metricsRegistry]

export const backupRuns = new Counter({
  name: "tienda_backup_runs_total",
  help: "Scheduled backup runs of this worker by outcome: success, failure, skipped (not due, off, external database)",
  labelNames: ["outcome"] as const,
  registers,
})

export const backupLastSuccess = new Gauge({
  name: "tienda_backup_last_success_timestamp_seconds",
  help: "When the newest complete backup was taken (Unix time); absent when there is none",
  registers,
})

export const backupLastSize = new Gauge({
  name: "tienda_backup_last_size_bytes",
  help: "Size of the newest complete backup",
  registers,
})

export const backupLastDuration = new Gauge({
  name: "tienda_backup_last_duration_seconds",
  help: "How long the newest complete backup took, its restore check included",
  registers,
})

export const backupLastAttemptOk = new Gauge({
  name: "tienda_backup_last_attempt_ok",
  help: "1 when the newest backup attempt (scheduled or by hand) succeeded and was read back, 0 when it failed",
  registers,
})

let stopObserving: (() => void) | undefined

/** Reads the backups folder at each scrape (a few small files): a backup taken by hand counts as well. */
export function observeBackups(backupsDir: string): void {
  stopObserving?.()
  stopObserving = onScrape(() => {
    const newest = listBackups(backupsDir)[0]
    if (newest) {
      try {
        const manifest = readManifest(newest)
        backupLastSuccess.set(Date.parse(manifest.createdAt) / 1000)
        backupLastSize.set(manifest.bytes)
        backupLastDuration.set(manifest.seconds)
      } catch {
        // A manifest being written or damaged: the previous reading stands.
      }
    }
    const status = readBackupStatus(backupsDir)
    if (status) {
      backupLastAttemptOk.set(status.ok ? 1 : 0)
    }
  })
}
