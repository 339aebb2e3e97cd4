import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { errorMessage, sdk } from "../../../lib/sdk"

interface QueryStat {
  query: string
  searches: number
  zero_result_searches: number
  last_result_count: number
  last_searched_at: string
}

interface Insights {
  days: number
  retention_days: number
  queries_per_day: number
  top_queries: QueryStat[]
  zero_result_queries: QueryStat[]
  other_queries: { searches: number; zero_result_searches: number }
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
            <Table.HeaderCell>With no results</Table.HeaderCell>
            <Table.HeaderCell>Products found (latest)</Table.HeaderCell>
            <Table.HeaderCell>Last searched</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.query}>
              <Table.Cell>{row.query}</Table.Cell>
              <Table.Cell>{row.searches}</Table.Cell>
              <Table.Cell>{row.zero_result_searches}</Table.Cell>
              <Table.Cell>{row.last_result_count}</Table.Cell>
              <Table.Cell>{new Date(row.last_searched_at).toLocaleString()}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    )}
  </div>
)

/** What is kept and for how long, so the merchant can tell shoppers (and knows why a query reads "[email]"). */
const Retention = ({ data }: { data: Insights }) => (
  <Text size="small" className="text-ui-fg-subtle px-6 py-4" data-testid="search-insights-retention">
    {data.retention_days === 0
      ? "Search insights are off (TIENDA_SEARCH_INSIGHTS_DAYS=0): no search is recorded."
      : `Counts per query and day, kept ${data.retention_days} days. Emails and numbers of six or more digits are ` +
        `stored as [email] and [number]. At most ${data.queries_per_day} different queries a day; ` +
        `${data.other_queries.searches} searches beyond that in this period are counted without their text.`}
  </Text>
)

/** Settings → Search insights: what shoppers search for, and what finds nothing (fix the catalog or add a synonym). */
const SearchInsightsPage = () => {
  const [days, setDays] = useState(7)
  const [data, setData] = useState<Insights | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [purging, setPurging] = useState(false)
  const prompt = usePrompt()

  const load = useCallback(() => {
    setData(null)
    setError(null)
    sdk.client
      .fetch<Insights>(`/admin/search-insights?days=${days}`)
      .then(setData)
      .catch((e) => setError(errorMessage(e, "Could not load the search insights")))
  }, [days])

  useEffect(load, [load])

  const purge = async () => {
    const confirmed = await prompt({
      title: "Delete all search insights?",
      description: "Every recorded query count of every day is deleted now. This cannot be undone.",
      confirmText: "Delete all",
      cancelText: "Cancel",
    })
    if (!confirmed) {
      return
    }
    setPurging(true)
    try {
      const { deleted } = await sdk.client.fetch<{ deleted: number }>("/admin/search-insights/purge", {
        method: "POST",
      })
      toast.success("Search insights deleted", { description: `${deleted} daily counts removed.` })
      load()
    } catch (e) {
      toast.error("Could not delete the search insights", { description: errorMessage(e, "unexpected error") })
    } finally {
      setPurging(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Search insights</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Storefront searches (the query text and what it found; nothing about the shopper). Queries that find nothing
            need a product, better wording or a{" "}
            <a className="text-ui-fg-interactive" href="/app/settings/search-synonyms">
              synonym
            </a>
            .
          </Text>
        </div>
        <div className="flex gap-2">
          <div className="flex gap-2" role="tablist">
            {[7, 30].map((period) => (
              <Button
                key={period}
                size="small"
                role="tab"
                aria-selected={days === period}
                variant={days === period ? "primary" : "secondary"}
                onClick={() => setDays(period)}
              >
                Last {period} days
              </Button>
            ))}
          </div>
          <Button size="small" variant="danger" isLoading={purging} onClick={purge}>
            Delete all insights
          </Button>
        </div>
      </div>
      {error && (
        <Text className="text-ui-fg-error px-6 py-4" role="alert">
          {error}
        </Text>
      )}
      {data && (
        <>
          <Retention data={data} />
          <QueryTable title="Top queries" rows={data.top_queries} empty="No searches in this period." />
          <QueryTable
            title="Queries with no results"
            rows={data.zero_result_queries}
            empty="Every search found something."
          />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Search insights", icon: ChartBar })

export default SearchInsightsPage
