import { z } from "@medusajs/framework/zod"
import { NO_PUBLISHABLE_KEY } from "../../../../lib/api-docs/answers"
import type { ApiOperation } from "../../../../lib/api-docs/operation"
import { MAX_QUERY_LENGTH } from "../../../../lib/search/normalize"

export const MAX_SUGGESTIONS = 10

export const AutocompleteQuery = z
  .object({
    q: z.string().trim().min(1).max(MAX_QUERY_LENGTH).describe("What the shopper typed; the last word is a prefix"),
    limit: z.coerce.number().int().min(1).max(MAX_SUGGESTIONS).default(5).describe("Suggestions at most"),
  })
  .strict()

export type AutocompleteQuery = z.infer<typeof AutocompleteQuery>

export const autocompleteOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/store/search/autocomplete",
    audience: "store",
    tag: "Search",
    summary: "Product suggestions for a search box",
    description:
      "A few fields of published products of the key's sales channel, the last word as a prefix; typo-tolerant only when the exact prefix finds nothing. Not counted in the search insights.",
    query: AutocompleteQuery,
    answers: {
      200: {
        description: "The suggestions, best first",
        schema: z.object({
          query: z.string(),
          suggestions: z.array(
            z.object({
              id: z.string(),
              title: z.string().nullable(),
              handle: z.string().nullable(),
              thumbnail: z.string().nullable(),
            })
          ),
        }),
      },
      400: NO_PUBLISHABLE_KEY,
    },
    examples: [{ summary: "Five suggestions for “hoo”", query: { q: "hoo", limit: "5" } }],
  },
]
