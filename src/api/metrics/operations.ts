import type { ApiOperation } from "../../lib/api-docs/operation"

export const metricsOperations: ApiOperation[] = [
  {
    method: "GET",
    path: "/metrics",
    audience: "operations",
    tag: "Operations",
    summary: "Prometheus metrics on the app port",
    description:
      "Only when TIENDA_METRICS_TOKEN is set, with `Authorization: Bearer <token>`; otherwise 404 (the metrics listener on loopback, TIENDA_METRICS_PORT, is the default).",
    answers: {
      200: { description: "Prometheus text exposition", contentType: "text/plain" },
      401: { description: "Missing or wrong bearer token" },
      404: { description: "Metrics are not served on this port" },
    },
    examples: [{ summary: "Scrape (without the token)" }],
  },
]
