import fs from "node:fs"
import { MedusaError } from "@medusajs/framework/utils"

/** Options of the Elasticsearch search provider (the `options` of its entry in the Search Module's `providers`). */
export interface ElasticsearchOptions {
  /**
   * One URL or several (comma-separated in ELASTICSEARCH_URL) of Elasticsearch 8.x or 9.x nodes.
   * @example "https://search.internal:9200"
   */
  node: string | string[]
  /**
   * An API key (the base64 `encoded` value Elasticsearch returns). Exclusive with `username`/`password`.
   * @default undefined
   */
  apiKey?: string
  /**
   * Basic-auth user; needs `password`.
   * @default undefined
   */
  username?: string
  /**
   * Basic-auth password; needs `username`.
   * @default undefined
   */
  password?: string
  /**
   * A CA certificate (PEM text) to trust for https nodes, e.g. the `http_ca.crt` a self-managed cluster generates.
   * @default undefined (the system's CAs)
   */
  caCertificate?: string
  /**
   * A file holding that CA certificate (ELASTICSEARCH_CA_FILE); read once at boot.
   * @default undefined
   */
  caFile?: string
  /**
   * Prepended to every Elasticsearch index and alias this provider creates, so several shops or environments can
   * share a cluster. Lowercase letters, digits, `_` and `-`.
   * @default "tienda_"
   */
  indexPrefix?: string
  /**
   * Milliseconds one request to Elasticsearch may take. A storefront search never waits longer: there is no retry on
   * the read path.
   * @default 3000
   */
  requestTimeoutMs?: number
  /**
   * Milliseconds a write may take (a bulk chunk, creating an index, waiting for a delete-by-query task); never
   * less than `requestTimeoutMs`. A bulk chunk that runs out of time is sent again (see `bulkMaxRetries`).
   * @default 30000
   */
  writeTimeoutMs?: number
  /**
   * Documents per `_bulk` request (a chunk is also cut at ~5 MB).
   * @default 500
   */
  bulkChunkSize?: number
  /**
   * Retries of a bulk chunk answered 429 (or items rejected with 429), 502/503/504 or not answered in time.
   * @default 3
   */
  bulkMaxRetries?: number
  /**
   * First backoff in milliseconds before such a retry; doubles each time (with jitter), capped at 30 s.
   * @default 500
   */
  bulkBackoffMs?: number
  /**
   * Language of the stemmer in the text analyzer ("english", "spanish", "german", ...), or "none" for no stemming.
   * @default "english"
   */
  language?: string
  /**
   * Primary shards and replicas of each new index. One replica needs a second node: a single-node cluster stays
   * yellow with the default of 1, so set 0 there.
   * @default { shards: 1, replicas: 1 }
   */
  shards?: number
  replicas?: number
}

export type ResolvedElasticsearchOptions = Required<
  Pick<
    ElasticsearchOptions,
    | "indexPrefix"
    | "requestTimeoutMs"
    | "writeTimeoutMs"
    | "bulkChunkSize"
    | "bulkMaxRetries"
    | "bulkBackoffMs"
    | "language"
    | "shards"
    | "replicas"
  >
> & {
  nodes: string[]
  apiKey?: string
  username?: string
  password?: string
  caCertificate?: string
}

export const DEFAULT_OPTIONS = {
  indexPrefix: "tienda_",
  requestTimeoutMs: 3000,
  writeTimeoutMs: 30000,
  bulkChunkSize: 500,
  bulkMaxRetries: 3,
  bulkBackoffMs: 500,
  language: "english",
  shards: 1,
  replicas: 1,
} as const

const LANGUAGE = /^[a-z_]+$/
const PREFIX = /^[a-z0-9][a-z0-9_-]*$|^$/

/** Validated once at boot; the message names every problem. */
export function resolveElasticsearchOptions(
  options: Partial<ElasticsearchOptions> | undefined,
  readFile: (path: string) => string = (path) => fs.readFileSync(path, "utf8")
): ResolvedElasticsearchOptions {
  const o = options ?? {}
  const problems: string[] = []

  const nodes = (Array.isArray(o.node) ? o.node : String(o.node ?? "").split(","))
    .map((node) => node.trim())
    .filter(Boolean)
  if (!nodes.length) {
    problems.push("node is required: the URL of an Elasticsearch node (ELASTICSEARCH_URL)")
  }
  for (const node of nodes) {
    if (!isHttpUrl(node)) {
      problems.push(`node "${node}" is not an http(s) URL`)
    }
  }

  if (o.apiKey && (o.username || o.password)) {
    problems.push("give apiKey or username/password, not both")
  }
  if (!!o.username !== !!o.password) {
    problems.push("username and password go together (ELASTICSEARCH_USERNAME, ELASTICSEARCH_PASSWORD)")
  }

  let caCertificate = o.caCertificate
  if (o.caFile) {
    try {
      caCertificate = readFile(o.caFile)
    } catch (error) {
      problems.push(
        `caFile "${o.caFile}" cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`
      )
    }
  }
  if (caCertificate !== undefined && !caCertificate.includes("-----BEGIN CERTIFICATE-----")) {
    problems.push("the CA certificate is not PEM text (expected -----BEGIN CERTIFICATE-----)")
  }

  const indexPrefix = o.indexPrefix ?? DEFAULT_OPTIONS.indexPrefix
  if (!PREFIX.test(indexPrefix)) {
    problems.push(
      `indexPrefix must be lowercase letters, digits, "_" or "-", not starting with "_" or "-" (got "${indexPrefix}")`
    )
  }
  const language = o.language ?? DEFAULT_OPTIONS.language
  if (!LANGUAGE.test(language)) {
    problems.push(`language must be an Elasticsearch stemmer language such as "english", or "none" (got "${language}")`)
  }

  const numbers = {
    requestTimeoutMs: positiveInteger(
      o.requestTimeoutMs,
      DEFAULT_OPTIONS.requestTimeoutMs,
      "requestTimeoutMs (ELASTICSEARCH_TIMEOUT_MS)",
      problems
    ),
    writeTimeoutMs: positiveInteger(o.writeTimeoutMs, DEFAULT_OPTIONS.writeTimeoutMs, "writeTimeoutMs", problems),
    bulkChunkSize: positiveInteger(o.bulkChunkSize, DEFAULT_OPTIONS.bulkChunkSize, "bulkChunkSize", problems),
    bulkMaxRetries: wholeNumber(o.bulkMaxRetries, DEFAULT_OPTIONS.bulkMaxRetries, "bulkMaxRetries", problems),
    bulkBackoffMs: wholeNumber(o.bulkBackoffMs, DEFAULT_OPTIONS.bulkBackoffMs, "bulkBackoffMs", problems),
    shards: positiveInteger(o.shards, DEFAULT_OPTIONS.shards, "shards", problems),
    replicas: wholeNumber(o.replicas, DEFAULT_OPTIONS.replicas, "replicas", problems),
  }

  if (problems.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `@tienda/search-elasticsearch options: ${problems.join("; ")}`
    )
  }
  return {
    nodes,
    apiKey: o.apiKey || undefined,
    username: o.username || undefined,
    password: o.password || undefined,
    caCertificate,
    indexPrefix,
    language,
    ...numbers,
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname
  } catch {
    return false
  }
}

function positiveInteger(value: unknown, fallback: number, name: string, problems: string[]): number {
  const resolved = value ?? fallback
  if (!Number.isInteger(resolved) || (resolved as number) <= 0) {
    problems.push(`${name} must be a positive whole number (got ${String(value)})`)
  }
  return resolved as number
}

function wholeNumber(value: unknown, fallback: number, name: string, problems: string[]): number {
  const resolved = value ?? fallback
  if (!Number.isInteger(resolved) || (resolved as number) < 0) {
    problems.push(`${name} must be a whole number, 0 or more (got ${String(value)})`)
  }
  return resolved as number
}
