/**
 * The path a request will be dispatched on, in one spelling every edge rule shares.
 *
 * Express routes `/store/Orders/x`, `/STORE/orders/x/` and `/store/orders/x%5Fy` to `/store/orders/:id` (static
 * segments match case-insensitively, one trailing slash is ignored, parameters are percent-decoded). A rule that
 * matched the raw URL with a case-sensitive regex was skipped by those spellings while the route still ran. Here the
 * path is split into segments, each percent-decoded, empty segments (duplicate and trailing slashes) dropped, and
 * rules compare static segments case-insensitively. That accepts a little more than Express does (`/store//orders/x`
 * and `/store/%6Frders/x` reach no route there), which is the safe direction: a rule may fire where no route runs,
 * never the other way round.
 */
export interface RoutePath {
  /** Decoded segments as sent (ids keep their case). */
  segments: string[]
  /** The same segments lower-cased, for comparing static parts. */
  lower: string[]
  /** `/` + the lower-cased segments joined: the canonical spelling for simple comparisons. */
  text: string
}

const cache = new WeakMap<object, RoutePath>()

export function routePathOf(req: { originalUrl?: string; url?: string }): RoutePath {
  let path = cache.get(req)
  if (!path) {
    path = parseRoutePath(req.originalUrl || req.url || "/")
    cache.set(req, path)
  }
  return path
}

export function parseRoutePath(url: string): RoutePath {
  const at = url.search(/[?#]/)
  const raw = pathnameOf(at < 0 ? url : url.slice(0, at))
  const segments = raw
    .split("/")
    .filter((segment) => segment.length > 0)
    .map(decodeSegment)
  const lower = segments.map((segment) => segment.toLowerCase())
  return { segments, lower, text: `/${lower.join("/")}` }
}

// An absolute-form request line (`GET http://host/store/orders/x HTTP/1.1`) is routed on its pathname.
function pathnameOf(target: string): string {
  if (target.startsWith("/")) {
    return target
  }
  try {
    return new URL(target).pathname
  } catch {
    return target
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    // Malformed encoding: the request validator refuses it with a 400 before any route runs.
    return segment
  }
}

/**
 * Matches a route pattern in Express's syntax (`/store/carts/:id/line-items/:line_id`) against a path; returns the
 * parameters (decoded, case kept) or undefined. `prefix: true` also matches longer paths, as `app.use` does.
 */
export function matchRoute(
  pattern: string,
  path: RoutePath,
  options: { prefix?: boolean } = {}
): Record<string, string> | undefined {
  const parts = pattern.split("/").filter((part) => part.length > 0)
  if (path.segments.length < parts.length || (!options.prefix && path.segments.length !== parts.length)) {
    return undefined
  }
  const params: Record<string, string> = {}
  for (const [index, part] of parts.entries()) {
    if (part.startsWith(":")) {
      params[part.slice(1)] = path.segments[index]
    } else if (part.toLowerCase() !== path.lower[index]) {
      return undefined
    }
  }
  return params
}

/** Express answers HEAD with the GET route: a rule about reads must treat them alike. */
export function isRead(method: string): boolean {
  return method === "GET" || method === "HEAD"
}
