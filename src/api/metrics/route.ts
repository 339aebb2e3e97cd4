import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { bearerMatches, renderMetrics } from "../../lib/metrics"
import { settings } from "../../lib/settings"

/**
 * GET /metrics on the app port — only when TIENDA_METRICS_TOKEN is set, and only with `Authorization: Bearer
 * <token>`; otherwise 404, as if the route did not exist (the metrics listener on loopback is the default).
 */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const { metrics, metricsToken } = settings().observability
  if (!metrics || metricsToken === undefined) {
    res
      .status(404)
      .json({ type: "not_found", message: "Metrics are served on the metrics port (TIENDA_METRICS_PORT)." })
    return
  }
  if (!bearerMatches(req.headers.authorization, metricsToken)) {
    res.setHeader("WWW-Authenticate", "Bearer")
    res.status(401).json({ type: "unauthorized", message: "Send Authorization: Bearer <TIENDA_METRICS_TOKEN>." })
    return
  }
  const { contentType, body } = await renderMetrics()
  res.setHeader("Content-Type", contentType)
  res.setHeader("Cache-Control", "no-store")
  res.status(200).send(body)
}
