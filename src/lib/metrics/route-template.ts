import type { Application } from "express"

/**
 * The route template a request is (or would be) dispatched on — `/store/products/:id`, never the raw URL, whose ids
 * would give every product its own series. Read from Express's own route table once, then matched by segment count
 * and first segments, so a cache hit answered by a middleware before any route runs still gets its route's template.
 */
export interface RouteTemplates {
  templateOf(method: string, path: string): string
}

interface Template {
  pattern: string
  parts: string[]
  methods: Set<string>
}

/** Answers that come from no route of the API. */
const DASHBOARD = "/app"
const UNMATCHED = "unmatched"

export function routeTemplatesOf(app: Application): RouteTemplates {
  const byShape = new Map<string, Template[]>()
  for (const template of routeTableOf(app)) {
    const key = shapeKey(template.parts.length, template.parts[0], template.parts[1])
    const list = byShape.get(key) ?? []
    list.push(template)
    byShape.set(key, list)
  }
  return {
    templateOf(method, path) {
      const segments = path.split("/").filter((segment) => segment.length > 0)
      const first = segments[0]?.toLowerCase()
      if (first === DASHBOARD.slice(1)) {
        return DASHBOARD
      }
      const candidates = [
        ...(byShape.get(shapeKey(segments.length, first, segments[1]?.toLowerCase())) ?? []),
        ...(byShape.get(shapeKey(segments.length, first, ":")) ?? []),
      ]
      const upper = method.toUpperCase()
      const found =
        candidates.find((t) => t.methods.has(upper) && matches(t.parts, segments)) ??
        candidates.find((t) => matches(t.parts, segments))
      return found?.pattern ?? UNMATCHED
    },
  }
}

function shapeKey(length: number, first: string | undefined, second: string | undefined): string {
  return `${length}|${first ?? ""}|${second === undefined ? "" : second.startsWith(":") ? ":" : second}`
}

function matches(parts: string[], segments: string[]): boolean {
  return parts.every((part, index) => part.startsWith(":") || part === segments[index].toLowerCase())
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> }
  handle?: { stack?: Layer[] }
}

/** Every route Express holds, nested routers included (Medusa mounts its routes on routers). */
function routeTableOf(app: Application): Template[] {
  const root = (app as unknown as { _router?: { stack?: Layer[] } })._router?.stack ?? []
  const templates: Template[] = []
  const pending = [...root]
  while (pending.length > 0) {
    const layer = pending.pop()!
    if (layer.route && typeof layer.route.path === "string") {
      const parts = layer.route.path.split("/").filter((part) => part.length > 0)
      templates.push({
        pattern: layer.route.path,
        parts: parts.map((part) => (part.startsWith(":") ? part : part.toLowerCase())),
        methods: new Set(Object.keys(layer.route.methods).map((method) => method.toUpperCase())),
      })
    } else if (layer.handle?.stack?.length) {
      pending.push(...layer.handle.stack)
    }
  }
  // Static routes before parametrised ones of the same shape, as `/store/products/search` beats `/:id` in Medusa.
  return templates.sort((a, b) => paramCount(a) - paramCount(b))
}

function paramCount(template: Template): number {
  return template.parts.filter((part) => part.startsWith(":")).length
}
