import type { IEventBusModuleService } from "@medusajs/framework/types"
import { ordersPlaced } from "./commerce-metrics"
import { eventsEmitted, subscriberDuration, subscriberRuns } from "./medusa-metrics"

type Subscriber = (data: unknown) => Promise<unknown>
type SubscribeContext = { subscriberId?: string } | undefined
type EventMessage = { name?: string }

const instrumented = new WeakSet<object>()

/**
 * Counts what goes through Medusa's event bus in this process: events emitted by name (through the bus's own
 * interceptors), and each subscriber run by
 * event, subscriber and outcome. The bus is decorated on its instance (its `subscribe`), before the app's
 * and plugins' subscribers register: both the local and the Redis bus call the function given to `subscribe`, so a
 * failure is counted whichever bus runs it, then rethrown for the bus to log or retry as it does.
 */
export function instrumentEventBus(eventBus: IEventBusModuleService): void {
  if (instrumented.has(eventBus)) {
    return
  }
  instrumented.add(eventBus)
  const bus = eventBus as unknown as {
    subscribe: (event: string | symbol, subscriber: Subscriber, context?: SubscribeContext) => unknown
  }
  const subscribe = bus.subscribe.bind(eventBus)

  bus.subscribe = (event, subscriber, context) => {
    const eventName = String(event)
    const subscriberName =
      context?.subscriberId ?? (subscriber as { subscriberId?: string }).subscriberId ?? "anonymous"
    const measured: Subscriber = async (data) => {
      const started = process.hrtime.bigint()
      const labels = { event: eventName, subscriber: subscriberName }
      try {
        const result = await subscriber(data)
        subscriberRuns.inc({ ...labels, outcome: "succeeded" })
        return result
      } catch (error) {
        subscriberRuns.inc({ ...labels, outcome: "failed" })
        throw error
      } finally {
        subscriberDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9)
      }
    }
    // Medusa's buses find a subscriber to unsubscribe by this id.
    Object.assign(measured, { subscriberId: subscriberName })
    return subscribe(event, measured, context)
  }

  // Medusa calls interceptors when an event really goes out: at once, or when its workflow's group is released
  // (the grouped events of a workflow that fails are dropped, and never counted).
  eventBus.addInterceptor?.((message: EventMessage) => {
    if (typeof message?.name === "string") {
      eventsEmitted.inc({ event: message.name })
      if (message.name === "order.placed") {
        ordersPlaced.inc()
      }
    }
  })
}
