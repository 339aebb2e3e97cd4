import { API_VERSIONS, currentVersion, DEPRECATION_PERIOD_DAYS, VERSION_HEADER } from "../api-versioning/versions"
import { jsonSchemaOf, type JsonSchema } from "./json-schema"
import { MEDUSA_REFERENCE, MEDUSA_ROUTE_NOTES } from "./medusa-reference"
import { type ApiAnswer, type ApiOperation, type Audience, HTTP_METHODS } from "./operation"

export type OpenApiDocument = Record<string, any>

const SECURITY: Record<Audience, Array<Record<string, string[]>>> = {
  store: [{ publishableKey: [] }],
  admin: [{ adminBearer: [] }, { adminSession: [] }, { adminApiKey: [] }],
  operations: [],
  public: [],
}

/** `/admin/search-synonyms/:id` → `/admin/search-synonyms/{id}`. */
export function openApiPath(expressPath: string): string {
  return expressPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}")
}

/** The OpenAPI 3.1 document of Tienda's own routes, from the schemas that validate them. */
export function openApiDocument(operations: readonly ApiOperation[]): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of operations) {
    const method = operation.method.toUpperCase()
    if (!(HTTP_METHODS as readonly string[]).includes(method)) {
      throw new Error(`${operation.path}: "${operation.method}" is not an HTTP method`)
    }
    const path = openApiPath(operation.path)
    const item = (paths[path] ??= {})
    if (item[method.toLowerCase()]) {
      throw new Error(`${method} ${path} is described twice`)
    }
    item[method.toLowerCase()] = describeOperation(operation, method, path)
  }
  const tags = [...new Set(operations.map((o) => o.tag))].sort().map((name) => ({ name }))
  const current = currentVersion(API_VERSIONS)
  return {
    openapi: "3.1.0",
    info: {
      title: "Tienda API",
      version: current.version,
      description: [
        "Tienda's own routes. Medusa's store and admin routes keep Medusa's contract and are documented in Medusa's",
        `reference (${MEDUSA_REFERENCE.store}, ${MEDUSA_REFERENCE.admin}); the ones Tienda tightens are listed under`,
        "`x-tienda-medusa-routes`.",
        "",
        `Versioning: send \`${VERSION_HEADER}: <version>\` to pin a version (without it, the current one answers);`,
        `every answer says which version served it. A retired version is still served for at least`,
        `${DEPRECATION_PERIOD_DAYS} days with \`Deprecation\` and \`Sunset\` headers, then answered 410.`,
      ].join("\n"),
    },
    externalDocs: { description: "Medusa's store API reference", url: MEDUSA_REFERENCE.store },
    servers: [{ url: "/" }],
    tags,
    paths,
    components: {
      securitySchemes: {
        publishableKey: { type: "apiKey", in: "header", name: "x-publishable-api-key" },
        adminBearer: { type: "http", scheme: "bearer", description: "A token from POST /auth/user/emailpass" },
        adminSession: { type: "apiKey", in: "cookie", name: "connect.sid" },
        adminApiKey: { type: "http", scheme: "basic", description: "A secret API key as the user name" },
      },
      parameters: {
        TiendaVersion: {
          name: VERSION_HEADER,
          in: "header",
          required: false,
          description: "The API version to answer with; the current one when absent.",
          schema: { type: "string", enum: API_VERSIONS.map((v) => v.version) },
        },
      },
      schemas: {
        Error: {
          type: "object",
          required: ["type", "message"],
          properties: {
            type: { type: "string", examples: ["invalid_data", "not_found", "unauthorized"] },
            message: { type: "string" },
            code: { type: "string" },
          },
        },
      },
    },
    "x-tienda-versions": API_VERSIONS,
    "x-tienda-medusa-routes": MEDUSA_ROUTE_NOTES,
  }
}

function describeOperation(operation: ApiOperation, method: string, path: string): Record<string, unknown> {
  // Stored files (`public`) carry no version: their URL names their bytes.
  const parameters: unknown[] =
    operation.audience === "public" ? [] : [{ $ref: "#/components/parameters/TiendaVersion" }]
  const shape = operation.params ? jsonSchemaOf(operation.params, "input") : undefined
  for (const name of pathParameterNames(path)) {
    const schema = (shape?.properties as Record<string, JsonSchema> | undefined)?.[name] ?? { type: "string" }
    parameters.push({ name, in: "path", required: true, schema, description: schema.description })
  }
  if (operation.query) {
    const shape = jsonSchemaOf(operation.query, "input")
    const required = new Set((shape.required as string[] | undefined) ?? [])
    for (const [name, schema] of Object.entries((shape.properties as Record<string, JsonSchema>) ?? {})) {
      parameters.push({ name, in: "query", required: required.has(name), schema, description: schema.description })
    }
  }
  const examples = operation.examples ?? []
  const bodyExamples = Object.fromEntries(
    examples
      .filter((e) => e.body !== undefined)
      .map((e, i) => [`example${i + 1}`, { summary: e.summary, value: e.body }])
  )
  return {
    operationId: operationId(method, path),
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: SECURITY[operation.audience],
    parameters,
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: jsonSchemaOf(operation.body, "input"),
                ...(Object.keys(bodyExamples).length ? { examples: bodyExamples } : {}),
              },
            },
          },
        }
      : {}),
    responses: Object.fromEntries(
      Object.entries({ ...EDGE_ANSWERS, ...operation.answers }).map(([status, answer]) => [
        status,
        {
          description: answer.description,
          ...(answer.contentType
            ? { content: { [answer.contentType]: { schema: { type: "string" } } } }
            : answer.schema
              ? { content: { "application/json": { schema: jsonSchemaOf(answer.schema, "output") } } }
              : Number(status) >= 400
                ? { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }
                : {}),
        },
      ])
    ),
    "x-tienda-examples": examples,
  }
}

/** What the edge may answer on any route, before the route runs (src/api/security/, src/api/edge/). */
const EDGE_ANSWERS: Record<number, ApiAnswer> = {
  429: { description: "Too many requests from this address (rate limits); `Retry-After` says when to try again" },
  503: { description: "PostgreSQL or Redis unreachable for a moment; `Retry-After` says when to try again" },
}

function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1])
}

/** `POST /admin/search-synonyms/{id}` → `postAdminSearchSynonymsId`. */
function operationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean)
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("")
}
