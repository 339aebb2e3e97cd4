import { Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage } from "../lib/sdk"
import { type BackupsAnswer, duration, fetchBackups, megabytes, when } from "../lib/backups"

const PAGE_SIZE = 10

/** The complete backups, newest first, a page at a time. */
export const BackupTable = () => {
  const [page, setPage] = useState(0)
  const [data, setData] = useState<BackupsAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setError(null)
    fetchBackups(PAGE_SIZE, page * PAGE_SIZE)
      .then(setData)
      .catch((e) => setError(errorMessage(e, "Could not load the backups")))
  }, [page])

  const pageCount = Math.max(1, Math.ceil((data?.count ?? 0) / PAGE_SIZE))
  return (
    <div className="px-6 py-4">
      <Heading level="h2">Backups</Heading>
      {error && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
      {data && data.count === 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          No backups in the backups folder.
        </Text>
      )}
      {data && data.count > 0 && (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Taken</Table.HeaderCell>
                <Table.HeaderCell>Folder</Table.HeaderCell>
                <Table.HeaderCell>Size</Table.HeaderCell>
                <Table.HeaderCell>Orders</Table.HeaderCell>
                <Table.HeaderCell>Tables</Table.HeaderCell>
                <Table.HeaderCell>Duration</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.backups.map((backup) => (
                <Table.Row key={backup.name} data-testid="backup-row">
                  <Table.Cell>{when(backup.created_at)}</Table.Cell>
                  <Table.Cell>{backup.name}</Table.Cell>
                  <Table.Cell>{megabytes(backup.bytes)}</Table.Cell>
                  <Table.Cell>{backup.orders}</Table.Cell>
                  <Table.Cell>{backup.tables}</Table.Cell>
                  <Table.Cell>{duration(backup.seconds)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Table.Pagination
            count={data.count}
            pageSize={PAGE_SIZE}
            pageIndex={page}
            pageCount={pageCount}
            canPreviousPage={page > 0}
            canNextPage={page + 1 < pageCount}
            previousPage={() => setPage(page - 1)}
            nextPage={() => setPage(page + 1)}
          />
        </>
      )}
    </div>
  )
}
