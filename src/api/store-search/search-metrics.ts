import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { metricsEnabled, searchDuration, searchZeroResults } from "../../lib/metrics"

/** Times a storefront search to its answer and counts it when the searched query found nothing. */
export function measureSearch(_req: MedusaRequest, res: MedusaResponse, resultIndex: number): void {
  if (!metricsEnabled()) {
    return
  }
  const started = process.hrtime.bigint()
  const json = res.json.bind(res)
  res.json = ((body: any) => {
    const result = body?.results?.[resultIndex]
    if (res.statusCode < 400 && result) {
      searchDuration.observe(Number(process.hrtime.bigint() - started) / 1e9)
      if (Number(result.metadata?.count ?? result.hits?.length ?? 0) === 0) {
        searchZeroResults.inc()
      }
    }
    return json(body)
  }) as typeof res.json
}
