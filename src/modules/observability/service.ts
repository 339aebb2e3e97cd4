import { deliverPurgesBeforeExit } from "../../lib/http-caching/cdn-purge"
import { renderMetrics } from "../../lib/metrics"

/**
 * The observability module's service: this process's metrics, for the app port's token-guarded /metrics; and what
 * the process still owes others when it stops (the CDN purges it queued).
 */
export default class ObservabilityModuleService {
  __hooks = {
    onApplicationPrepareShutdown: () => deliverPurgesBeforeExit(),
  }

  async renderMetrics() {
    return renderMetrics()
  }
}
