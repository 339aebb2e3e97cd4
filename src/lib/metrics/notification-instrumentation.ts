import { notificationSends } from "./tienda-metrics"
import { metricsEnabled } from "./registry"

type Send = (provider: unknown, notification: { channel?: string }) => Promise<unknown>

const instrumented = new WeakSet<object>()

/**
 * Counts notifications handed to their provider (email over SMTP, the admin feed, …) by channel and outcome: `sent`
 * when the provider accepted it, `failed` when it threw (Medusa then marks the notification failed). Decorates the
 * Notification Module's provider service, through which Medusa sends every notification.
 */
export function instrumentNotificationProviders(notificationModule: unknown): boolean {
  const providers = (notificationModule as { notificationProviderService_?: { send?: Send } })
    ?.notificationProviderService_
  if (!providers || typeof providers.send !== "function" || instrumented.has(providers)) {
    return Boolean(providers)
  }
  instrumented.add(providers)
  const send = providers.send.bind(providers)
  providers.send = async (provider, notification) => {
    const channel = String(notification?.channel ?? "unknown")
    try {
      const result = await send(provider, notification)
      count(channel, "sent")
      return result
    } catch (error) {
      count(channel, "failed")
      throw error
    }
  }
  return true
}

function count(channel: string, outcome: "sent" | "failed"): void {
  if (metricsEnabled()) {
    notificationSends.inc({ channel, outcome })
  }
}
