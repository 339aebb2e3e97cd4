import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, sdk } from "../../../lib/sdk"

interface QueryStat {
  query: string
  searches: number
  last_result_count: number
  last_searched_at: string
}

interface Insights {
  days: number
  top_queries: QueryStat[]
  zero_result_queries: QueryStat[]
}

const QueryTable = ({ title, rows, empty }: { title: string; rows: QueryStat[]; empty: string }) => (
  <div className="px-6 py-4">
    <Heading level="h2">{title}</Heading>
    {rows.length === 0 ? (
      <Text size="small" className="text-ui-fg-subtle">
        {empty}
      </Text>
    ) : (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Query</Table.HeaderCell>
            <Table.HeaderCell>Searches</Table.HeaderCell>
            <Table.HeaderCell>Products found (latest)</Table.HeaderCell>
            <Table.HeaderCell>Last searched</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.query}>
              <Table.Cell>{row.query}</Table.Cell>
              <Table.Cell>{row.searches}</Table.Cell>
              <Table.Cell>{row.last_result_count}</Table.Cell>
              <Table.Cell>{new Date(row.last_searched_at).toLocaleString()}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    )}
  </div>
)

/** Settings → Search insights: what shoppers search for, and what finds nothing (fix the catalog or add a synonym). */
const SearchInsightsPage = () => {
  const [days, setDays] = useState(7)
  const [data, setData] = useState<Insights | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    setData(null)
    sdk.client
      .fetch<Insights>(`/admin/search-insights?days=${days}`)
      .then(setData)
      .catch((e) => setError(errorMessage(e, "Could not load the search insights")))
  }, [days])

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Search insights</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Storefront searches (the query text and what it found; nothing about the shopper). Queries that find
            nothing need a product, better wording or a <a className="text-ui-fg-interactive" href="/app/settings/search-synonyms">synonym</a>.
          </Text>
        </div>
        <div className="flex gap-2" role="tablist">
          {[7, 30].map((period) => (
            <Button key={period} size="small" role="tab" aria-selected={days === period} variant={days === period ? "primary" : "secondary"} onClick={() => setDays(period)}>
              Last {period} days
            </Button>
          ))}
        </div>
      </div>
      {error && (
        <Text className="text-ui-fg-error px-6 py-4" role="alert">
          {error}
        </Text>
      )}
      {data && (
        <>
          <QueryTable title="Top queries" rows={data.top_queries} empty="No searches in this period." />
          <QueryTable title="Queries with no results" rows={data.zero_result_queries} empty="Every search found something." />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Search insights", icon: ChartBar })

export default SearchInsightsPage
