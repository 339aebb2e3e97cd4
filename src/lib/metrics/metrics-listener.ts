import http from "node:http"
import { timingSafeEqual } from "node:crypto"
import { renderMetrics } from "./exposition"
import { processNumber } from "./process-number"

export interface MetricsListenerOptions {
  host: string
  port: number
  /** When set, scrapes must send `Authorization: Bearer <token>`. */
  token?: string
  warn: (message: string) => void
}

/**
 * This process's own /metrics on a port of its own, bound to loopback unless told otherwise: never on the shop's
 * public port without a token. One of several processes on a machine adds its number to the port (processes of
 * `tienda start --processes` share the app port, and a scrape there would reach a random one). A busy port is a warning, not a failed boot: a `medusa
 * exec` script beside a running server must still run.
 */
export function startMetricsListener(options: MetricsListenerOptions): Promise<http.Server | undefined> {
  const port = options.port + (processNumber() ?? 0)
  const server = http.createServer((req, res) => {
    void answerScrape(req, res, options.token)
  })
  return new Promise((resolve) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      options.warn(`metrics listener not started on ${options.host}:${port}: ${error.code ?? error.message}`)
      resolve(undefined)
    })
    server.listen(port, options.host, () => {
      server.unref()
      resolve(server)
    })
  })
}

async function answerScrape(req: http.IncomingMessage, res: http.ServerResponse, token?: string): Promise<void> {
  const path = (req.url ?? "/").split("?")[0]
  if (req.method !== "GET" || path !== "/metrics") {
    res.writeHead(404, { "content-type": "text/plain" }).end("Only GET /metrics is served here.\n")
    return
  }
  if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
    res.writeHead(401, { "content-type": "text/plain", "www-authenticate": "Bearer" }).end("Bearer token required.\n")
    return
  }
  const { contentType, body } = await renderMetrics()
  res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body)
}

/** Constant-time comparison of `Authorization: Bearer <token>` with the expected token. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? "")
  if (!match) {
    return false
  }
  const given = Buffer.from(match[1].trim())
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
