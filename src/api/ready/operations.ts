import { z } from "@medusajs/framework/zod"
import type { ApiOperation } from "../../lib/api-docs/operation"

const Readiness = z.object({
  status: z.enum(["ready", "not_ready", "draining"]),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string().optional() }).loose()),
})

export const readinessOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/ready",
    audience: "operations",
    tag: "Operations",
    summary: "Readiness for load balancers",
    description:
      "200 when this process can serve (PostgreSQL, Redis when configured, migrations applied); 503 with the failing checks otherwise, and `draining` from SIGTERM on. `/health` (Medusa's) stays liveness.",
    answers: {
      200: { description: "Ready", schema: Readiness },
      503: { description: "Not ready or draining; `Retry-After: 5`", schema: Readiness },
    },
    examples: [{ summary: "Ask" }],
  },
]
