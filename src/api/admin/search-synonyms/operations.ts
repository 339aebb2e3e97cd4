import { z } from "@medusajs/framework/zod"
import { INVALID, NOT_FOUND, UNAUTHENTICATED } from "../../../lib/api-docs/answers"
import type { ApiOperation } from "../../../lib/api-docs/operation"
import { synonymGroupProblem } from "../../../lib/search/synonyms"

/** A synonym group's terms: 2–20 different terms of 1–64 characters once normalised (case, spaces). */
export const SynonymGroupBody = z
  .object({
    terms: z
      .array(z.string())
      .min(2)
      .superRefine((terms, ctx) => {
        const problem = synonymGroupProblem(terms)
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem })
        }
      })
      .describe("2–20 different terms of 1–64 characters, compared in lower case with single spaces"),
  })
  .strict()

export type SynonymGroupBody = z.infer<typeof SynonymGroupBody>

export const SynonymGroupParams = z.object({ id: z.string().describe("The group's id (ssyn_…)") })

const SynonymGroup = z.object({
  id: z.string(),
  terms: z.array(z.string()),
  created_at: z.union([z.string(), z.date()]),
  updated_at: z.union([z.string(), z.date()]),
})

const example = { terms: ["tee", "t-shirt", "tshirt"] }

export const searchSynonymOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/admin/search-synonyms",
    audience: "admin",
    tag: "Search",
    summary: "List the synonym groups, newest first",
    answers: {
      200: { description: "Every group", schema: z.object({ synonyms: z.array(SynonymGroup) }) },
      401: UNAUTHENTICATED,
    },
    examples: [{ summary: "Every group" }],
  },
  {
    method: "POST",
    path: "/admin/search-synonyms",
    audience: "admin",
    tag: "Search",
    summary: "Create a synonym group",
    description: "A store search for one term also finds the others, from the next search on.",
    body: SynonymGroupBody,
    answers: {
      201: { description: "The new group", schema: z.object({ synonym: SynonymGroup }) },
      400: INVALID("fewer than two different terms, more than 20, a term too long, or another field"),
      401: UNAUTHENTICATED,
    },
    examples: [{ summary: "Tees", body: example }],
  },
  {
    method: "POST",
    path: "/admin/search-synonyms/:id",
    audience: "admin",
    tag: "Search",
    summary: "Replace a synonym group's terms",
    params: SynonymGroupParams,
    body: SynonymGroupBody,
    answers: {
      200: { description: "The group", schema: z.object({ synonym: SynonymGroup }) },
      400: INVALID("fewer than two different terms, more than 20, a term too long, or another field"),
      401: UNAUTHENTICATED,
      404: NOT_FOUND("synonym group"),
    },
    examples: [
      {
        summary: "Hoodies",
        params: { id: "ssyn_01JZZZZZZZZZZZZZZZZZZZZZZZ" },
        body: { terms: ["hoodie", "hooded sweatshirt"] },
      },
    ],
  },
  {
    method: "DELETE",
    path: "/admin/search-synonyms/:id",
    audience: "admin",
    tag: "Search",
    summary: "Delete a synonym group",
    params: SynonymGroupParams,
    answers: {
      200: {
        description: "Deleted",
        schema: z.object({ id: z.string(), object: z.literal("search_synonym"), deleted: z.literal(true) }),
      },
      401: UNAUTHENTICATED,
      404: NOT_FOUND("synonym group"),
    },
    examples: [{ summary: "Delete one", params: { id: "ssyn_01JZZZZZZZZZZZZZZZZZZZZZZZ" } }],
  },
]
