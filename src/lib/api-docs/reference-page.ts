import { createHash } from "node:crypto"
import type { OpenApiDocument } from "./openapi-document"

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem 1.5rem;color:#1f2937}
h1{margin-bottom:.2rem}h2{border-bottom:1px solid #e5e7eb;margin-top:2.5rem}h3{margin:1.8rem 0 .3rem;font-size:1.05rem}
code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f3f4f6;padding:.6rem;overflow:auto;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.4rem 0}td,th{border:1px solid #e5e7eb;padding:.25rem .5rem;text-align:left;vertical-align:top}
.method{display:inline-block;min-width:4.2rem;font-weight:700}.GET{color:#047857}.POST{color:#1d4ed8}.DELETE{color:#b91c1c}
.muted{color:#6b7280}nav a{margin-right:.8rem}
`

/** The Content-Security-Policy of the page: no script at all, only its own style block. */
export const REFERENCE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${createHash("sha256")
  .update(STYLE)
  .digest("base64")}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`

const AUDIENCE: Record<string, string> = {
  publishableKey: "store: `x-publishable-api-key`",
  adminBearer: "admin: bearer token",
  adminSession: "admin session cookie",
  adminApiKey: "admin secret API key",
}

/** The readable reference at /docs, rendered on the server from the OpenAPI document (no script, nothing fetched). */
export function referencePage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation }))
  )
  const tags: string[] = document.tags.map((tag: { name: string }) => tag.name)
  const sections = tags.map((tag) => {
    const ofTag = operations.filter((o) => o.operation.tags.includes(tag))
    return `<section id="${anchor(tag)}"><h2>${escape(tag)}</h2>${ofTag.map(renderOperation).join("")}</section>`
  })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(document.info.title)} ${escape(document.info.version)}</title><style>${STYLE}</style></head>
<body>
<h1>${escape(document.info.title)}</h1>
<p class="muted">Version ${escape(document.info.version)} · OpenAPI ${escape(document.openapi)} ·
<a href="/docs/openapi.json">openapi.json</a></p>
${paragraphs(document.info.description)}
<nav>${tags.map((tag) => `<a href="#${anchor(tag)}">${escape(tag)}</a>`).join("")}<a href="#versioning">Versioning</a><a href="#medusa">Medusa's routes</a></nav>
${sections.join("\n")}
${versioningSection(document)}
${medusaSection(document)}
</body></html>`
}

function renderOperation({ path, method, operation }: { path: string; method: string; operation: any }): string {
  const security = (operation.security as Record<string, string[]>[])
    .map((s) => Object.keys(s).map((k) => AUDIENCE[k] ?? k))
    .flat()
  const parameters = (operation.parameters as any[]).filter((p) => !p.$ref)
  const body = operation.requestBody?.content?.["application/json"]
  return `<article id="${escape(operation.operationId)}">
<h3><span class="method ${method}">${method}</span> <code>${escape(path)}</code></h3>
<p>${escape(operation.summary)}</p>${operation.description ? paragraphs(operation.description) : ""}
<p class="muted">Who: ${security.length ? escape(security.join(" or ")) : "anyone who can reach it"} · header <code>Tienda-Version</code> optional</p>
${
  parameters.length
    ? `<table><tr><th>Parameter</th><th>In</th><th>Type</th><th>Required</th><th>Description</th></tr>${parameters
        .map(
          (p) =>
            `<tr><td><code>${escape(p.name)}</code></td><td>${p.in}</td><td><code>${escape(typeOf(p.schema))}</code></td><td>${
              p.required ? "yes" : "no"
            }</td><td>${escape(p.description ?? "")}</td></tr>`
        )
        .join("")}</table>`
    : ""
}
${body ? `<details><summary>Request body</summary><pre>${escape(JSON.stringify(body.schema, null, 2))}</pre></details>` : ""}
${examplesOf(operation, path, method)}
<table><tr><th>Answer</th><th>Meaning</th></tr>${Object.entries(operation.responses as Record<string, any>)
    .map(([status, answer]) => {
      const [type, media] = Object.entries((answer.content ?? {}) as Record<string, any>)[0] ?? []
      const schema = media?.schema && !media.schema.$ref && type === "application/json" ? media.schema : undefined
      return `<tr><td>${status}</td><td>${escape(answer.description)}${type && type !== "application/json" ? ` <code>${escape(type)}</code>` : ""}${
        schema ? `<details><summary>Body</summary><pre>${escape(JSON.stringify(schema, null, 2))}</pre></details>` : ""
      }</td></tr>`
    })
    .join("")}</table>
</article>`
}

function examplesOf(operation: any, path: string, method: string): string {
  const examples = (operation["x-tienda-examples"] ?? []) as any[]
  if (!examples.length) {
    return ""
  }
  return examples
    .map((example) => {
      const filled = path.replace(/\{(\w+)\}/g, (_m, name) => example.params?.[name] ?? `{${name}}`)
      const query = example.query ? `?${new URLSearchParams(example.query).toString()}` : ""
      const body = example.body !== undefined ? `\n\n${JSON.stringify(example.body, null, 2)}` : ""
      return `<p class="muted">Example: ${escape(example.summary)}</p><pre>${escape(`${method} ${filled}${query}${body}`)}</pre>`
    })
    .join("")
}

function versioningSection(document: OpenApiDocument): string {
  const versions = document["x-tienda-versions"] as any[]
  return `<section id="versioning"><h2>Versioning</h2>
<p>Send <code>Tienda-Version</code> to pin a version; without it the current version answers, and every answer of a
Tienda route names the version that served it. A retired version keeps being served with <code>Deprecation</code> and
<code>Sunset</code> headers (and a <code>Link</code> here) until its sunset, then answers 410.</p>
<table><tr><th>Version</th><th>Released</th><th>Deprecated</th><th>Sunset</th></tr>${versions
    .map(
      (v) =>
        `<tr><td>${escape(v.version)}</td><td>${escape(v.released)}</td><td>${escape(v.deprecated ?? "—")}</td><td>${escape(
          v.sunset ?? "—"
        )}</td></tr>`
    )
    .join("")}</table></section>`
}

function medusaSection(document: OpenApiDocument): string {
  const notes = document["x-tienda-medusa-routes"] as any[]
  return `<section id="medusa"><h2>Medusa's routes</h2>
<p>Products, carts, orders, customers and the rest of <code>/store</code> and <code>/admin</code> are Medusa's, with
Medusa's contract: see the <a href="https://docs.medusajs.com/api/store">store API reference</a> and the
<a href="https://docs.medusajs.com/api/admin">admin API reference</a>. Where Tienda tightens one:</p>
<table><tr><th>Route</th><th>What Tienda adds</th></tr>${notes
    .map(
      (n) =>
        `<tr><td><a href="${escape(n.reference)}">${escape(`${n.method} ${n.path}`)}</a></td><td>${escape(n.tienda)}</td></tr>`
    )
    .join("")}</table></section>`
}

function typeOf(schema: any): string {
  if (!schema) return "string"
  if (schema.enum) return schema.enum.join(" | ")
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ")
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  const range =
    schema.minimum !== undefined || schema.maximum !== undefined
      ? ` ${schema.minimum ?? ""}…${schema.maximum ?? ""}`
      : schema.maxLength !== undefined
        ? ` ≤${schema.maxLength} chars`
        : ""
  return `${schema.type ?? "any"}${range}${schema.default !== undefined ? ` = ${JSON.stringify(schema.default)}` : ""}`
}

function paragraphs(text: string): string {
  return text
    .split(/\n\n+/)
    .map((p) => `<p>${escape(p).replace(/`([^`]+)`/g, "<code>$1</code>")}</p>`)
    .join("")
}

function anchor(text: string): string {
  return `tag-${text.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`
}

function escape(text: string): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!
  )
}
