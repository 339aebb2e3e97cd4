import http from "node:http"
import type { AddressInfo } from "node:net"

/** One request as the fake received it. `body` is parsed JSON, or an array of parsed lines for NDJSON. */
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: http.IncomingHttpHeaders
  raw: string
  body: any
}

interface FakeIndex {
  settings: Record<string, any>
  mappings: Record<string, any>
  docs: Map<string, Record<string, unknown>>
  created: number
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string> }
type Fault = {
  match: (req: RecordedRequest) => boolean
  times: number
  answer?: (req: RecordedRequest) => Answer
  delayMs?: number
}
type SearchAnswer = (index: string, body: any) => Record<string, unknown>

/**
 * A local HTTP server speaking the part of Elasticsearch's REST API the provider uses, with documented response
 * shapes: indices and aliases (create, atomic `_aliases`, delete, `_mapping`, `_cat/indices`), `_bulk` (applied
 * to an in-memory store, per-item results), `_delete_by_query` as a task and `_tasks`, `_refresh`, and `_msearch`
 * (hits from the store unless a test scripts the answer; it does not evaluate queries). It records every
 * request, answers with the `x-elastic-product` header the client checks, and can fail or delay chosen requests.
 */
export class FakeElasticsearch {
  readonly requests: RecordedRequest[] = []
  readonly indices = new Map<string, FakeIndex>()
  readonly aliases = new Map<string, string[]>()
  searchAnswer?: SearchAnswer
  private faults: Fault[] = []
  private tasks = 0
  /** Bumped by reset(): a request delayed past a reset belongs to an earlier test and is dropped, not applied. */
  private epoch = 0
  private server?: http.Server
  url = ""

  /** Listens on `port` (any free one by default) of 127.0.0.1. */
  async start(port = 0): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res))
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  reset(): void {
    this.requests.length = 0
    this.indices.clear()
    this.aliases.clear()
    this.faults = []
    this.searchAnswer = undefined
    this.epoch++
  }

  /** Answers the next `times` matching requests with `answer` instead of handling them. */
  fail(match: (req: RecordedRequest) => boolean, answer: (req: RecordedRequest) => Answer, times = 1): void {
    this.faults.push({ match, answer, times })
  }

  /** Delays the next `times` matching requests by `ms` before handling them. */
  delay(match: (req: RecordedRequest) => boolean, ms: number, times = 1): void {
    this.faults.push({ match, delayMs: ms, times })
  }

  /** Requests other than the client's own bookkeeping, as "METHOD /path". */
  calls(): string[] {
    return this.requests.map((r) => `${r.method} ${r.path}`)
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => void this.answer(req, res, raw))
  }

  private async answer(req: http.IncomingMessage, res: http.ServerResponse, raw: string): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake")
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: decodeURIComponent(url.pathname),
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      raw,
      body: parseBody(raw, String(req.headers["content-type"] ?? "")),
    }
    this.requests.push(recorded)
    const fault = this.faults.find((f) => f.times > 0 && f.match(recorded))
    if (fault) {
      fault.times--
      if (fault.delayMs) {
        const epoch = this.epoch
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
        if (epoch !== this.epoch) {
          res.destroy()
          return
        }
      }
    }
    const answer = fault?.answer ? fault.answer(recorded) : this.route(recorded)
    if (res.destroyed) {
      return
    }
    res.writeHead(answer.status, {
      "content-type": "application/json",
      "x-elastic-product": "Elasticsearch",
      ...answer.headers,
    })
    res.end(recorded.method === "HEAD" || answer.body === undefined ? undefined : JSON.stringify(answer.body))
  }

  private route(req: RecordedRequest): Answer {
    const parts = req.path.split("/").filter(Boolean)
    const [first, second] = parts
    if (req.method === "POST" && first === "_bulk") return this.bulk(req.body)
    if (req.method === "POST" && first === "_msearch") return this.msearch(req.body)
    if (req.method === "POST" && first === "_aliases") return this.updateAliases(req.body.actions)
    if (req.method === "GET" && first === "_alias") return this.getAlias(second)
    if (req.method === "GET" && first === "_cat" && second === "indices") return this.catIndices(parts[2])
    if (req.method === "GET" && first === "_tasks")
      return { status: 200, body: { completed: true, task: { id: second }, response: { deleted: 0, failures: [] } } }
    if (req.method === "HEAD" && parts.length === 1) return { status: this.resolve(first).length ? 200 : 404 }
    if (req.method === "PUT" && parts.length === 1) return this.create(first, req.body)
    if (req.method === "DELETE" && parts.length === 1) return this.deleteIndices(first.split(","))
    if (req.method === "GET" && second === "_mapping") return this.mapping(first)
    if ((req.method === "POST" || req.method === "GET") && second === "_refresh")
      return this.resolve(first).length
        ? { status: 200, body: { _shards: { total: 1, successful: 1, failed: 0 } } }
        : notFound(first)
    if (req.method === "POST" && second === "_delete_by_query") {
      return this.resolve(first).length ? { status: 200, body: { task: `fake-node:${++this.tasks}` } } : notFound(first)
    }
    return {
      status: 400,
      body: { error: { type: "fake_unsupported", reason: `${req.method} ${req.path}` }, status: 400 },
    }
  }

  /** Concrete indexes an index name or alias resolves to. */
  resolve(name: string): string[] {
    return this.indices.has(name) ? [name] : (this.aliases.get(name) ?? [])
  }

  private create(index: string, body: any): Answer {
    if (this.indices.has(index) || this.aliases.has(index)) {
      return { status: 400, body: error(400, "resource_already_exists_exception", `index [${index}] already exists`) }
    }
    this.indices.set(index, {
      settings: body?.settings ?? {},
      mappings: body?.mappings ?? {},
      docs: new Map(),
      created: Date.now(),
    })
    return { status: 200, body: { acknowledged: true, shards_acknowledged: true, index } }
  }

  private updateAliases(actions: any[]): Answer {
    const next = new Map([...this.aliases].map(([alias, targets]) => [alias, [...targets]]))
    for (const action of actions) {
      const [kind, spec] = Object.entries(action)[0] as [string, any]
      if (!this.indices.has(spec.index)) {
        return notFound(spec.index)
      }
      const targets = next.get(spec.alias) ?? []
      next.set(spec.alias, kind === "add" ? [...targets, spec.index] : targets.filter((t) => t !== spec.index))
    }
    this.aliases.clear()
    for (const [alias, targets] of next) {
      if (targets.length) this.aliases.set(alias, targets)
    }
    return { status: 200, body: { acknowledged: true } }
  }

  private getAlias(name: string): Answer {
    const pattern = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`)
    const result: Record<string, { aliases: Record<string, object> }> = {}
    for (const [alias, targets] of this.aliases) {
      if (pattern.test(alias)) {
        for (const index of targets) (result[index] ??= { aliases: {} }).aliases[alias] = {}
      }
    }
    if (!Object.keys(result).length && !name.includes("*")) {
      return { status: 404, body: { error: `alias [${name}] missing`, status: 404 } }
    }
    return { status: 200, body: result }
  }

  private deleteIndices(names: string[]): Answer {
    for (const name of names) {
      if (!this.indices.has(name)) return notFound(name)
    }
    for (const name of names) {
      this.indices.delete(name)
      for (const [alias, targets] of this.aliases) {
        const left = targets.filter((t) => t !== name)
        if (left.length) {
          this.aliases.set(alias, left)
        } else {
          this.aliases.delete(alias)
        }
      }
    }
    return { status: 200, body: { acknowledged: true } }
  }

  private mapping(name: string): Answer {
    const targets = this.resolve(name)
    if (!targets.length) return notFound(name)
    return {
      status: 200,
      body: Object.fromEntries(targets.map((t) => [t, { mappings: this.indices.get(t)!.mappings }])),
    }
  }

  private catIndices(pattern = "*"): Answer {
    const regex = new RegExp(`^${pattern.replace(/\*/g, ".*")}$`)
    const rows = [...this.indices]
      .filter(([name]) => regex.test(name))
      .map(([index, data]) => ({ index, "docs.count": String(data.docs.size), "creation.date": String(data.created) }))
    return { status: 200, body: rows }
  }

  private bulk(lines: any[]): Answer {
    const items: any[] = []
    let errors = false
    for (let i = 0; i < lines.length; i++) {
      const [action, meta] = Object.entries(lines[i])[0] as [string, any]
      const target = this.writeIndex(meta._index)
      if (!target) {
        errors = true
        items.push({
          [action]: {
            _index: meta._index,
            _id: meta._id,
            status: 404,
            error: { type: "index_not_found_exception", reason: "no such index" },
          },
        })
        if (action === "index") i++
        continue
      }
      const docs = this.indices.get(target)!.docs
      if (action === "index") {
        const created = !docs.has(meta._id)
        docs.set(meta._id, lines[++i])
        items.push({
          index: {
            _index: target,
            _id: meta._id,
            status: created ? 201 : 200,
            result: created ? "created" : "updated",
          },
        })
      } else {
        const found = docs.delete(meta._id)
        errors ||= !found
        items.push({
          delete: { _index: target, _id: meta._id, status: found ? 200 : 404, result: found ? "deleted" : "not_found" },
        })
      }
    }
    return { status: 200, body: { took: 1, errors, items } }
  }

  private writeIndex(name: string): string | undefined {
    const targets = this.resolve(name)
    return targets.length === 1 ? targets[0] : undefined
  }

  private msearch(lines: any[]): Answer {
    const responses: any[] = []
    for (let i = 0; i < lines.length; i += 2) {
      const index = lines[i].index
      const body = lines[i + 1]
      const targets = this.resolve(index)
      if (!targets.length) {
        responses.push({ ...error(404, "index_not_found_exception", `no such index [${index}]`), status: 404 })
        continue
      }
      if (this.searchAnswer) {
        responses.push({ status: 200, ...this.searchAnswer(index, body) })
        continue
      }
      const docs = [...this.indices.get(targets[0])!.docs]
      responses.push({
        status: 200,
        took: 1,
        hits: {
          total: { value: docs.length, relation: "eq" },
          hits: docs
            .slice(body.from ?? 0, (body.from ?? 0) + (body.size ?? 10))
            .map(([id, source]) => ({ _index: targets[0], _id: id, _score: 1, _source: source })),
        },
      })
    }
    return { status: 200, body: { took: 1, responses } }
  }
}

function parseBody(raw: string, contentType: string): any {
  if (!raw) return undefined
  return contentType.includes("ndjson")
    ? raw
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line))
    : JSON.parse(raw)
}

function error(status: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status }
}

function notFound(index: string): Answer {
  return { status: 404, body: error(404, "index_not_found_exception", `no such index [${index}]`) }
}
