import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorMessage, sdk } from "../lib/sdk"

interface IndexStatus {
  index: string
  documents: number
  published_products: number
}

/** On Settings → Search: how many products the product index holds, next to how many are published. */
const SearchIndexStatusWidget = () => {
  const [status, setStatus] = useState<IndexStatus | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    sdk.client
      .fetch<IndexStatus>("/admin/search-insights/index-status")
      .then(setStatus)
      .catch((e) => setError(errorMessage(e, "Could not count the indexed products")))
  }, [])

  return (
    <Container className="px-6 py-4">
      <Heading level="h2">Product index contents</Heading>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {status && (
        <Text size="small" data-testid="search-index-count">
          {status.documents} documents indexed · {status.published_products} published products
          {status.documents === status.published_products ? " (in sync)" : " (a rebuild brings them in line)"}
        </Text>
      )}
      <Text size="small" className="text-ui-fg-subtle">
        Tune search in{" "}
        <a className="text-ui-fg-interactive" href="/app/settings/search-synonyms">
          Search synonyms
        </a>{" "}
        and see what shoppers look for in{" "}
        <a className="text-ui-fg-interactive" href="/app/settings/search-insights">
          Search insights
        </a>
        .
      </Text>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "search.list" })

export default SearchIndexStatusWidget
