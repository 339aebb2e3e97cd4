import { deliverPurgesBeforeExit, purgeCatalogAtStart } from "../../lib/http-caching/cdn-purge"
import { renderMetrics } from "../../lib/metrics"

/**
 * The observability module's service: this process's metrics, for the app port's token-guarded /metrics; and what
 * the process owes others when it starts and when it stops (a CDN purge of the catalog, the purges it queued).
 */
export default class ObservabilityModuleService {
  __hooks = {
    onApplicationStart: () => purgeCatalogAtStart(),
    onApplicationPrepareShutdown: () => deliverPurgesBeforeExit(),
  }

  async renderMetrics() {
    return renderMetrics()
  }
}
