import { execFileSync } from "node:child_process"
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import http from "node:http"
import type { AddressInfo } from "node:net"
import os from "node:os"
import path from "node:path"
import express from "express"
import { APP_OPERATIONS, TIENDA_OPERATIONS } from "../../../api/operations"
import { operationValidators, tiendaVersions, VERSIONED_OPERATIONS } from "../../../api/operation-middlewares"
import { openApiDocument, openApiPath } from "../openapi-document"
import { referencePage } from "../reference-page"

const ROOT = path.resolve(__dirname, "../../../..")

/** Every `route.ts` of the app and the plugins, as `METHOD /path` from its folder and its exported handlers. */
function routesOnDisk(): string[] {
  const apiFolders = [
    path.join(ROOT, "src/api"),
    ...readdirSync(path.join(ROOT, "plugins")).map((plugin) => path.join(ROOT, "plugins", plugin, "src/api")),
  ]
  const found: string[] = []
  const walk = (apiFolder: string, folder: string) => {
    let entries: import("node:fs").Dirent[]
    try {
      entries = readdirSync(folder, { withFileTypes: true })
    } catch {
      return
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory() && entry.name !== "__tests__") {
        walk(apiFolder, full)
      } else if (entry.name === "route.ts") {
        const route = "/" + path.relative(apiFolder, folder).split(path.sep).join("/")
        const expressPath = route.replace(/\[([A-Za-z0-9_]+)\]/g, ":$1")
        const source = readFileSync(full, "utf8")
        for (const [, method] of source.matchAll(
          /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g
        )) {
          found.push(`${method} ${openApiPath(expressPath)}`)
        }
      }
    }
  }
  for (const apiFolder of apiFolders) walk(apiFolder, apiFolder)
  return found.sort()
}

describe("the OpenAPI document of Tienda's routes", () => {
  const document = openApiDocument(TIENDA_OPERATIONS)

  it("lists every route of src/api and the plugins' api folders, and nothing else", () => {
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([route, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${route}`))
      .sort()
    const onDisk = routesOnDisk()
    expect(onDisk.length).toBeGreaterThan(20)
    expect(documented).toEqual(onDisk)
  })

  it("is a valid OpenAPI 3.1 document", () => {
    // The validator is an ES module, which this test runner cannot load: its own command line checks the file.
    const folder = mkdtempSync(path.join(os.tmpdir(), "tienda-openapi-"))
    try {
      const file = path.join(folder, "openapi.json")
      writeFileSync(file, JSON.stringify(document))
      const cli = require.resolve("@seriousme/openapi-schema-validator/bin/validate-api-cli.js")
      let output: string
      try {
        output = execFileSync(process.execPath, [cli, file], { encoding: "utf8" })
      } catch (error) {
        throw new Error(`not a valid OpenAPI document: ${(error as { stdout?: string }).stdout}`)
      }
      expect(JSON.parse(output)).toMatchObject({ valid: true })
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
    expect(document.openapi).toBe("3.1.0")
  })

  it("has, for every operation, an example that its own validators accept, and every path parameter in it", () => {
    for (const operation of TIENDA_OPERATIONS) {
      const name = `${operation.method} ${operation.path}`
      expect({ name, examples: operation.examples?.length ?? 0 }).toEqual({ name, examples: expect.any(Number) })
      for (const example of operation.examples ?? []) {
        const pathParams = [...operation.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]).sort()
        expect({ name, params: Object.keys(example.params ?? {}).sort() }).toEqual({ name, params: pathParams })
        if (operation.params) operation.params.parse(example.params)
        if (operation.query) operation.query.parse(example.query ?? {})
        else expect({ name, query: example.query }).toEqual({ name, query: undefined })
        if (operation.body) operation.body.parse(example.body)
        else expect({ name, body: example.body }).toEqual({ name, body: undefined })
      }
    }
    // Only /metrics may go without an example: the others are sent to the running app by the HTTP test.
    const withoutExamples = TIENDA_OPERATIONS.filter((o) => !o.examples?.length).map((o) => o.path)
    expect(withoutExamples).toEqual([])
  })

  it("refuses with its validators what it says is refused", () => {
    const byRoute = (method: string, route: string) =>
      TIENDA_OPERATIONS.find((o) => o.method === method && o.path === route)!
    expect(byRoute("GET", "/admin/search-insights").query!.safeParse({ days: "9" }).success).toBe(false)
    expect(byRoute("GET", "/store/search/autocomplete").query!.safeParse({ q: " " }).success).toBe(false)
    expect(byRoute("GET", "/store/search/autocomplete").query!.safeParse({ q: "tee", x: "1" }).success).toBe(false)
    expect(byRoute("POST", "/admin/search-synonyms").body!.safeParse({ terms: ["Tee", "tee "] }).success).toBe(false)
    expect(byRoute("GET", "/store/table-rates/quotes").query!.safeParse({}).success).toBe(false)
    expect(byRoute("POST", "/admin/emails/:id/resend").body!.safeParse({ again: true }).success).toBe(false)
  })

  it("binds the app's validators to the app's routes that take input", () => {
    const bound = operationValidators()
    const withInput = APP_OPERATIONS.filter((o) => o.query || o.body)
    expect(bound.map((route) => `${String(route.method)} ${String(route.matcher)}`)).toEqual(
      withInput.map((o) => `${o.method} ${o.path}`)
    )
    for (const [index, operation] of withInput.entries()) {
      expect(bound[index].middlewares).toHaveLength((operation.query ? 1 : 0) + (operation.body ? 1 : 0))
    }
  })

  it("versions every Tienda route, the plugins' too, under the spellings Express dispatches, and no Medusa route", async () => {
    const app = express()
    app.use(tiendaVersions() as never)
    app.all(/.*/, (_req, res) => res.json({ reached: true }))
    const server = http.createServer(app).listen(0, "127.0.0.1")
    await new Promise((resolve) => server.once("listening", resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const ask = async (method: string, url: string, headers: Record<string, string> = {}) => {
      const response = await fetch(base + url, { method, headers })
      return { status: response.status, version: response.headers.get("tienda-version") }
    }
    try {
      expect(VERSIONED_OPERATIONS.length).toBe(TIENDA_OPERATIONS.length - 1)
      for (const operation of VERSIONED_OPERATIONS) {
        const url = operation.path.replace(/:(\w+)/g, "x_1")
        for (const spelling of [url, url.toUpperCase(), `${url}/`]) {
          expect({ spelling, ...(await ask(operation.method, spelling)) }).toEqual({
            spelling,
            status: 200,
            version: "1",
          })
        }
        expect(await ask(operation.method, url, { "Tienda-Version": "0" })).toEqual({ status: 400, version: null })
      }
      for (const [method, url] of [
        ["GET", "/store/products"],
        ["POST", "/store/carts/x_1/complete"],
        ["GET", "/admin/orders/x_1"],
        ["GET", "/store/search/autocomplete/more"],
        // A stored file answers with its bytes whatever version header comes with it.
        ["GET", "/static/x_1.png"],
      ]) {
        expect({ url, ...(await ask(method, url, { "Tienda-Version": "0" })) }).toEqual({
          url,
          status: 200,
          version: null,
        })
      }
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it("documents query parameters with their constraints and the version header on every operation", () => {
    const insights = document.paths["/admin/search-insights"].get
    const days = insights.parameters.find((p: { name: string }) => p.name === "days")
    expect(days).toMatchObject({ in: "query", required: false, schema: { default: "7", enum: ["7", "30"] } })
    // What the edge may answer before any route runs is documented on every one.
    expect(Object.keys(insights.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "429", "503"]))
    const quotes = document.paths["/store/table-rates/quotes"].get
    expect(quotes.parameters.find((p: { name: string }) => p.name === "cart_id")).toMatchObject({ required: true })
    for (const [route, item] of Object.entries(document.paths as Record<string, Record<string, any>>)) {
      for (const operation of Object.values(item)) {
        const versioned = !route.startsWith("/static/")
        expect({ route, first: operation.parameters[0] }).toEqual({
          route,
          first: versioned
            ? { $ref: "#/components/parameters/TiendaVersion" }
            : { name: "key", in: "path", required: true, schema: expect.anything(), description: expect.any(String) },
        })
      }
    }
  })

  it("renders a reference page that escapes what it shows and links Medusa's reference", () => {
    const page = referencePage(document)
    expect(page).toContain("<h1>Tienda API</h1>")
    expect(page).toContain('href="https://docs.medusajs.com/api/store"')
    expect(page).toContain("/admin/search-synonyms/{id}")
    expect(page).not.toMatch(/<script/i)
    const hostile = openApiDocument([
      { ...TIENDA_OPERATIONS[0], summary: "<img src=x onerror=alert(1)>", tag: "<b>x</b>" },
    ])
    expect(referencePage(hostile)).not.toContain("<img src=x")
  })
})
