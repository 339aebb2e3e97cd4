import type { LoaderOptions, IEventBusModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  instrumentEventBus,
  instrumentNotificationProviders,
  instrumentPaymentProviders,
  instrumentWorkflows,
  labelProcess,
  observeBackups,
  observeDatabasePool,
  startMetricsListener,
} from "../../../lib/metrics"
import { drainOnSigterm } from "../../../lib/lifecycle/drain-on-sigterm"
import { watchDatabaseReachability } from "../../../lib/lifecycle/database-reachability"
import { settings } from "../../../lib/settings"
import { backupsDirOf } from "../../../lib/backups/backups-dir"
import { projectRootOf } from "../../../lib/secrets/state-dir"

const MODULE_WAIT_MS = 30_000

/**
 * Medusa loads modules side by side, so another module may not be registered yet when this loader starts. The event
 * bus is awaited: subscribers register only once every module has loaded, so that still comes before any of them.
 */
async function resolveWhenLoaded<T>(container: LoaderOptions["container"], key: string): Promise<T | undefined> {
  const deadline = Date.now() + MODULE_WAIT_MS
  for (;;) {
    const service = container.resolve<T | undefined>(key, { allowUnregistered: true })
    if (service || Date.now() > deadline) {
      return service
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * Instruments this process once its modules exist: workflow runs (the orchestrator's hooks), the event bus (before
 * any subscriber registers), the PostgreSQL pool; starts the metrics listener; turns SIGTERM into a drain; and
 * watches whether PostgreSQL is reachable.
 */
export default async function instrumentProcess({ container }: LoaderOptions): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { observability } = settings()
  drainOnSigterm({ timeoutSeconds: observability.drainTimeoutSeconds, logger })
  // Always: it also gives log lines written inside a workflow its name and transaction id.
  instrumentWorkflows()
  // Always: without it, every request of a database outage waits a minute for a connection (lifecycle/).
  watchDatabaseReachability(
    container.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }),
    logger
  )
  if (!observability.metrics) {
    return
  }
  labelProcess()
  const eventBus = await resolveWhenLoaded<IEventBusModuleService>(container, Modules.EVENT_BUS)
  if (eventBus) {
    instrumentEventBus(eventBus)
  } else {
    logger.warn("metrics: the event bus did not load; events and subscriber runs are not counted")
  }
  // The Payment Module may load after this one; nothing pays before the app is up, so this waits in the background.
  void resolveWhenLoaded(container, Modules.PAYMENT).then((payment) => {
    if (!instrumentPaymentProviders(payment)) {
      logger.warn("metrics: the Payment Module's provider service was not found; payment calls are not counted")
    }
  })
  void resolveWhenLoaded(container, Modules.NOTIFICATION).then((notification) => {
    if (!instrumentNotificationProviders(notification)) {
      logger.warn("metrics: the Notification Module's provider service was not found; sends are not counted")
    }
  })
  observeDatabasePool(container.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }))
  // Backups are the worker's job: its process reports them (a server process would only repeat the same numbers).
  if (settings().server.workerMode !== "server") {
    observeBackups(backupsDirOf(projectRootOf(process.cwd())))
  }
  if (observability.metricsPort !== "off") {
    await startMetricsListener({
      host: observability.metricsHost,
      port: observability.metricsPort,
      token: observability.metricsToken,
      warn: (message) => logger.warn(message),
    })
  }
}
