import type { RunnerContext } from "../../helpers/test-runner"
import { TIENDA_OPERATIONS } from "../../../src/api/operations"
import type { ApiOperation } from "../../../src/lib/api-docs/operation"
import { adminHeaders } from "../../helpers/admin"
import { setAppEnv } from "../../helpers/app-env"
import { publishableKey } from "../../helpers/store"

/** What an example request puts in the path, from its parameters. */
function pathOf(operation: ApiOperation, params: Record<string, string> = {}): string {
  return operation.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name) => encodeURIComponent(params[name]))
}

export function apiReferenceSuite({ api, getContainer }: RunnerContext): void {
  let store: Record<string, string>
  let admin: Record<string, string>

  beforeAll(async () => {
    store = { "x-publishable-api-key": await publishableKey(getContainer()) }
  })
  beforeEach(async () => {
    admin = (await adminHeaders(api)).headers
  })
  afterEach(() => setAppEnv({ TIENDA_API_DOCS: undefined, NODE_ENV: "test" }))

  it("serves the reference as a page and as the OpenAPI document of every Tienda route", async () => {
    const page = await api.get("/docs", { responseType: "text" })
    expect(page.status).toBe(200)
    expect(page.headers["content-type"]).toMatch(/^text\/html/)
    expect(page.headers["content-security-policy"]).toMatch(/default-src 'none'; style-src 'sha256-/)
    expect(page.data).toContain("/store/search/autocomplete")
    const { data: document, headers } = await api.get("/docs/openapi.json")
    expect(headers["tienda-version"]).toBe("1")
    expect(document.openapi).toBe("3.1.0")
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`)
    )
    expect(documented.sort()).toEqual(
      TIENDA_OPERATIONS.map((o) => `${o.method} ${o.path.replace(/:(\w+)/g, "{$1}")}`).sort()
    )
  })

  it("answers every documented example as documented: a documented status, its body's shape, its version", async () => {
    const seen: string[] = []
    for (const operation of TIENDA_OPERATIONS) {
      for (const example of operation.examples ?? []) {
        const headers = operation.audience === "admin" ? admin : operation.audience === "store" ? store : {}
        const response = await api.request({
          method: operation.method,
          url: pathOf(operation, example.params),
          params: example.query,
          data: example.body,
          headers,
          validateStatus: () => true,
          responseType: operation.answers[200]?.contentType ? "arraybuffer" : "json",
        })
        const name = `${operation.method} ${operation.path} (${example.summary}) → ${response.status}`
        seen.push(name)
        // A valid example is never refused for its input, never unauthenticated, never a failure of the server.
        expect({ name, documented: Object.keys(operation.answers).includes(String(response.status)) }).toEqual({
          name,
          documented: true,
        })
        const refused = [400, 401].includes(response.status) || response.status >= 500
        expect({ name, refused, answer: refused ? response.data : undefined }).toEqual({
          name,
          refused: false,
          answer: undefined,
        })
        // Stored files carry no version: their URL names their bytes.
        const version = operation.audience === "public" ? undefined : "1"
        expect({ name, version: response.headers["tienda-version"] }).toEqual({ name, version })
        const schema = operation.answers[response.status]?.schema
        if (schema && response.status < 300) {
          const parsed = schema.safeParse(response.data)
          expect({ name, issues: parsed.success ? [] : parsed.error.issues }).toEqual({ name, issues: [] })
        }
      }
    }
    process.stdout.write(`api reference examples:\n  ${seen.join("\n  ")}\n`)
  })

  it("versions Tienda's routes under any spelling Express dispatches, and leaves Medusa's routes alone", async () => {
    const spellings = ["/admin/search-synonyms", "/ADMIN/Search-Synonyms", "/admin/search-synonyms/"]
    for (const spelling of spellings) {
      const ok = await api.get(spelling, { headers: admin, validateStatus: () => true })
      expect({ spelling, status: ok.status, version: ok.headers["tienda-version"] }).toEqual({
        spelling,
        status: 200,
        version: "1",
      })
      const unknown = await api.get(spelling, {
        headers: { ...admin, "Tienda-Version": "7" },
        validateStatus: () => true,
      })
      expect({ spelling, status: unknown.status, message: unknown.data.message }).toEqual({
        spelling,
        status: 400,
        message: 'Tienda-Version "7" is not a version of this API; use one of 1',
      })
      // Its validator runs under the same spelling.
      const bad = await api.post(spelling, { terms: ["only-one"] }, { headers: admin, validateStatus: () => true })
      expect({ spelling, status: bad.status }).toEqual({ spelling, status: 400 })
    }
    // Spellings Express may or may not dispatch to the route (percent-encoded letters, doubled slashes): whatever
    // answers them, an answer from the route carries its version, and bad input never gets through or a 500.
    for (const spelling of [
      "/admin/search%2Dsynonyms",
      "/admin/%73earch-synonyms",
      "/admin//search-synonyms",
      "/admin/search-synonyms//",
    ]) {
      const read = await api.get(spelling, { headers: admin, validateStatus: () => true })
      expect({ spelling, answered: read.status === 200, versioned: read.headers["tienda-version"] === "1" }).toEqual({
        spelling,
        answered: read.status === 200,
        versioned: read.status === 200,
      })
      const bad = await api.post(spelling, { terms: ["only-one"] }, { headers: admin, validateStatus: () => true })
      expect({ spelling, refused: bad.status >= 400 && bad.status < 500 }).toEqual({ spelling, refused: true })
    }
    const pinned = await api.get("/store/search/autocomplete?q=tee", { headers: { ...store, "Tienda-Version": "1" } })
    expect(pinned.headers["tienda-version"]).toBe("1")
    expect(pinned.headers.deprecation).toBeUndefined()
    const medusa = await api.get("/store/products?limit=1", { headers: { ...store, "Tienda-Version": "7" } })
    expect(medusa.status).toBe(200)
    expect(medusa.headers["tienda-version"]).toBeUndefined()
  })

  it("refuses bad input with the documented 400 naming what is wrong", async () => {
    const cases: Array<[string, string, unknown, Record<string, string>, RegExp]> = [
      ["get", "/store/search/autocomplete?q=tee&limit=50", undefined, store, /limit/],
      ["get", "/store/search/autocomplete?q=tee&colour=red", undefined, store, /colour/],
      ["get", "/admin/search-insights?days=9", undefined, admin, /days/],
      ["post", "/admin/search-insights/purge", { all: true }, admin, /all/],
      ["get", "/store/table-rates/quotes", undefined, store, /cart_id/],
      ["post", "/admin/emails/email_1/resend", { again: true }, admin, /again/],
    ]
    for (const [method, url, body, headers, names] of cases) {
      const response = await api.request({ method, url, data: body, headers, validateStatus: () => true })
      expect({ url, status: response.status, type: response.data.type }).toEqual({
        url,
        status: 400,
        type: "invalid_data",
      })
      expect({ url, message: response.data.message }).toEqual({ url, message: expect.stringMatching(names) })
    }
  })

  it("serves no reference with the production rules unless TIENDA_API_DOCS=on", async () => {
    setAppEnv({ NODE_ENV: "production" })
    expect((await api.get("/docs", { validateStatus: () => true })).status).toBe(404)
    expect((await api.get("/docs/openapi.json", { validateStatus: () => true })).status).toBe(404)
    setAppEnv({ TIENDA_API_DOCS: "on" })
    expect((await api.get("/docs/openapi.json")).status).toBe(200)
    setAppEnv({ NODE_ENV: "test", TIENDA_API_DOCS: "off" })
    expect((await api.get("/docs", { validateStatus: () => true })).status).toBe(404)
  })
}
