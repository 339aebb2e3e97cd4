import { Badge, Heading, Text } from "@medusajs/ui"
import { type ReactNode, useEffect, useState } from "react"
import { errorMessage } from "../lib/sdk"
import { backupSchedule } from "../lib/backup-schedule"
import { type BackupsAnswer, fetchBackups, type LastBackup, megabytes, when } from "../lib/backups"

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small">{children}</Text>
  </div>
)

const LastAttempt = ({ last }: { last: LastBackup | null }) => {
  if (!last) {
    return <Text size="small">No backup has been attempted yet.</Text>
  }
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center gap-2">
        <Badge size="2xsmall" color={last.ok ? "green" : "red"}>
          {last.ok ? "OK" : "Failed"}
        </Badge>
        <Text size="small">Last backup {when(last.at)}</Text>
      </div>
      {last.error && (
        <Text size="small" className="text-ui-fg-error" data-testid="backup-error">
          {last.error}
        </Text>
      )}
      {last.ok && (
        <div className="grid grid-cols-4 gap-4">
          <Fact label="Folder">{last.dir ?? "—"}</Fact>
          <Fact label="Size">{last.bytes === null ? "—" : megabytes(last.bytes)}</Fact>
          <Fact label="Orders">{last.orders ?? "—"}</Fact>
          <Fact label="Checked">
            {last.verified && last.verified_at ? `restored and checked ${when(last.verified_at)}` : "not checked"}
          </Fact>
        </div>
      )}
    </div>
  )
}

const Schedule = ({ data }: { data: BackupsAnswer }) => {
  const { interval_hours: hours, keep } = data.schedule
  const { off, dueAt, stale } = backupSchedule(data.backups[0]?.created_at, hours)
  const next = !dueAt || dueAt.getTime() <= Date.now() ? "within the hour" : `≈ ${dueAt.toLocaleString()}`
  return (
    <>
      <Text size="small">
        {off
          ? "Scheduled backups are off (TIENDA_BACKUP_INTERVAL_HOURS=0): take them with npx tienda backup."
          : `Every ${hours} hours, keeping the newest ${keep}. Next scheduled backup: ${next}.`}
      </Text>
      {stale && (
        <Text size="small" className="text-ui-fg-error" role="alert" data-testid="backup-warning">
          {data.backups.length === 0
            ? "There is no backup of this shop yet."
            : `The newest backup is older than ${2 * hours} hours: check the worker's log.`}
        </Text>
      )}
    </>
  )
}

/** The newest attempt (its outcome and check), when the next scheduled backup is due, and a warning when overdue. */
export const BackupStatusCard = () => {
  const [data, setData] = useState<BackupsAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    fetchBackups(1, 0)
      .then(setData)
      .catch((e) => setError(errorMessage(e, "Could not load the backup status")))
  }, [])

  return (
    <div className="flex flex-col gap-3 px-6 py-4" data-testid="backup-status">
      <Heading level="h2">Status</Heading>
      {error && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
      {data && (
        <>
          <LastAttempt last={data.last} />
          <Schedule data={data} />
        </>
      )}
    </div>
  )
}
