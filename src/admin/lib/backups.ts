import { sdk } from "./sdk"

export interface BackupRow {
  name: string
  created_at: string
  bytes: number
  orders: number
  tables: number
  seconds: number
}

export interface LastBackup {
  at: string
  ok: boolean
  dir: string | null
  bytes: number | null
  seconds: number | null
  orders: number | null
  verified_at: string | null
  verified: boolean | null
  error: string | null
}

export interface BackupsAnswer {
  backups: BackupRow[]
  count: number
  limit: number
  offset: number
  last: LastBackup | null
  schedule: { interval_hours: number; keep: number; wal_archive: boolean }
}

export function fetchBackups(limit: number, offset: number): Promise<BackupsAnswer> {
  return sdk.client.fetch<BackupsAnswer>("/admin/backups", { query: { limit, offset } })
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function duration(seconds: number): string {
  const whole = Math.round(seconds)
  return whole < 60 ? `${whole} s` : `${Math.floor(whole / 60)} min ${whole % 60} s`
}

export function when(iso: string): string {
  return new Date(iso).toLocaleString()
}
