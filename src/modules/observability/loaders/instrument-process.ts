import type { LoaderOptions, IEventBusModuleService } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  instrumentEventBus,
  instrumentWorkflows,
  labelProcess,
  observeDatabasePool,
  startMetricsListener,
} from "../../../lib/metrics"
import { drainOnSigterm } from "../../../lib/lifecycle/drain-on-sigterm"
import { settings } from "../../../lib/settings"

const EVENT_BUS_WAIT_MS = 30_000

/**
 * Medusa loads modules side by side, so the event bus may not be registered yet when this loader starts; subscribers
 * register only once every module has loaded, so waiting for it here still comes before any of them.
 */
async function eventBusOf(container: LoaderOptions["container"]): Promise<IEventBusModuleService | undefined> {
  const deadline = Date.now() + EVENT_BUS_WAIT_MS
  for (;;) {
    const bus = container.resolve<IEventBusModuleService | undefined>(Modules.EVENT_BUS, { allowUnregistered: true })
    if (bus || Date.now() > deadline) {
      return bus
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * Instruments this process once its modules exist: workflow runs (the orchestrator's hooks), the event bus (before
 * any subscriber registers), the PostgreSQL pool; starts the metrics listener; and turns SIGTERM into a drain.
 */
export default async function instrumentProcess({ container }: LoaderOptions): Promise<void> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { observability } = settings()
  drainOnSigterm({ timeoutSeconds: observability.drainTimeoutSeconds, logger })
  // Always: it also gives log lines written inside a workflow its name and transaction id.
  instrumentWorkflows()
  if (!observability.metrics) {
    return
  }
  labelProcess()
  const eventBus = await eventBusOf(container)
  if (eventBus) {
    instrumentEventBus(eventBus)
  } else {
    logger.warn("metrics: the event bus did not load; events and subscriber runs are not counted")
  }
  observeDatabasePool(container.resolve(ContainerRegistrationKeys.PG_CONNECTION, { allowUnregistered: true }))
  if (observability.metricsPort !== "off") {
    await startMetricsListener({
      host: observability.metricsHost,
      port: observability.metricsPort,
      token: observability.metricsToken,
      warn: (message) => logger.warn(message),
    })
  }
}
