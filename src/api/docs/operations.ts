import type { ApiOperation } from "../../lib/api-docs/operation"

const OFF = { description: "The reference is not served here (TIENDA_API_DOCS, off with the production rules)" }

export const docsOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/docs",
    audience: "operations",
    tag: "Reference",
    summary: "This reference, as a page",
    answers: { 200: { description: "The reference", contentType: "text/html" }, 404: OFF },
    examples: [{ summary: "Read it" }],
  },
  {
    method: "GET",
    path: "/docs/openapi.json",
    audience: "operations",
    tag: "Reference",
    summary: "This reference, as an OpenAPI 3.1 document",
    answers: { 200: { description: "The document", contentType: "application/json" }, 404: OFF },
    examples: [{ summary: "Read it" }],
  },
]
