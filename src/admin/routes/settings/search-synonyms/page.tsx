import { defineRouteConfig } from "@medusajs/admin-sdk"
import { MagnifyingGlass } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Text, toast } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { errorMessage, sdk } from "../../../lib/sdk"

interface SynonymGroup {
  id: string
  terms: string[]
}

const splitTerms = (text: string) =>
  text
    .split(",")
    .map((term) => term.trim())
    .filter(Boolean)

/** Settings → Search synonyms: groups of terms that find the same products ("tee, t-shirt"). */
const SearchSynonymsPage = () => {
  const [groups, setGroups] = useState<SynonymGroup[] | null>(null)
  const [draft, setDraft] = useState("")
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const { synonyms } = await sdk.client.fetch<{ synonyms: SynonymGroup[] }>("/admin/search-synonyms")
      setGroups(synonyms)
    } catch (e) {
      setError(errorMessage(e, "Could not load the synonyms"))
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const save = async (path: string, text: string, done: () => void) => {
    setError(null)
    try {
      await sdk.client.fetch(path, { method: "POST", body: { terms: splitTerms(text) } })
      done()
      toast.success("Synonyms saved: the next storefront search uses them")
      await load()
    } catch (e) {
      setError(errorMessage(e, "Could not save the synonyms"))
    }
  }

  const remove = async (id: string) => {
    setError(null)
    try {
      await sdk.client.fetch(`/admin/search-synonyms/${id}`, { method: "DELETE" })
      await load()
    } catch (e) {
      setError(errorMessage(e, "Could not delete the synonyms"))
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Search synonyms</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Words shoppers use for the same thing. A storefront search for one term also finds products described with the
          others. Changes apply to the next search.
        </Text>
      </div>
      <form
        className="flex items-end gap-2 px-6 py-4"
        onSubmit={(event) => {
          event.preventDefault()
          void save("/admin/search-synonyms", draft, () => setDraft(""))
        }}
      >
        <div className="flex-1">
          <Text size="small" weight="plus" asChild>
            <label htmlFor="new-synonyms">New group (terms separated by commas)</label>
          </Text>
          <Input
            id="new-synonyms"
            placeholder="tee, t-shirt"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={!draft.trim()}>
          Add synonyms
        </Button>
      </form>
      {error && (
        <Text className="text-ui-fg-error px-6 py-4" role="alert">
          {error}
        </Text>
      )}
      {groups && groups.length === 0 && <Text className="px-6 py-4">No synonyms yet.</Text>}
      {groups?.map((group) => (
        <div key={group.id} className="flex items-center justify-between gap-2 px-6 py-3" data-testid="synonym-group">
          {editing?.id === group.id ? (
            <Input
              aria-label="Terms"
              value={editing.text}
              onChange={(e) => setEditing({ id: group.id, text: e.target.value })}
            />
          ) : (
            <div className="flex flex-wrap gap-1">
              {group.terms.map((term) => (
                <Badge key={term} size="small">
                  {term}
                </Badge>
              ))}
            </div>
          )}
          <div className="flex gap-2">
            {editing?.id === group.id ? (
              <Button
                size="small"
                onClick={() => save(`/admin/search-synonyms/${group.id}`, editing.text, () => setEditing(null))}
              >
                Save
              </Button>
            ) : (
              <Button
                size="small"
                variant="secondary"
                onClick={() => setEditing({ id: group.id, text: group.terms.join(", ") })}
              >
                Edit
              </Button>
            )}
            <Button size="small" variant="danger" onClick={() => remove(group.id)}>
              Delete
            </Button>
          </div>
        </div>
      ))}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Search synonyms", icon: MagnifyingGlass })

export default SearchSynonymsPage
