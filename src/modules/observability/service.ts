import { renderMetrics } from "../../lib/metrics"

/** The observability module's service: this process's metrics, for the app port's token-guarded /metrics. */
export default class ObservabilityModuleService {
  async renderMetrics() {
    return renderMetrics()
  }
}
