import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readinessOf } from "../../lib/lifecycle/readiness"
import { settings } from "../../lib/settings"

/**
 * GET /ready — readiness for load balancers and orchestrators: 200 when this process can serve (PostgreSQL, Redis
 * when configured, migrations applied), 503 with the failing checks otherwise, and 503 "draining" from SIGTERM on.
 * `/health` stays liveness: it depends on nothing, so a slow database never gets every process restarted at once.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const readiness = await readinessOf({
    database: req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION),
    redisConfigured: Boolean(settings().redis.url),
  })
  res.setHeader("Cache-Control", "no-store")
  if (readiness.status !== "ready") {
    res.setHeader("Retry-After", "5")
  }
  res.status(readiness.status === "ready" ? 200 : 503).json(readiness)
}
