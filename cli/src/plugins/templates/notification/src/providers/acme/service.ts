import crypto from "node:crypto"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { resolveOptions, validateOptions, type AcmeOptions } from "./options"

type InjectedDependencies = { logger: Logger }

/**
 * Delivers notifications to the server log: every email (or whatever channel it serves) the shop sends shows up
 * there, which is what development and tests need. To deliver for real, put the service's API in a `client.ts`
 * and call it from `send`.
 */
export class AcmeNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "acme"

  protected readonly logger: Logger
  protected readonly settings: Required<AcmeOptions>

  /** Medusa calls this at boot with the provider's `options` from medusa-config.ts (undefined when it has none). */
  static validateOptions(options: Record<string, unknown> | undefined): void {
    validateOptions(options ?? {})
  }

  constructor({ logger }: InjectedDependencies, options: AcmeOptions = {}) {
    super()
    this.logger = logger
    this.settings = resolveOptions(options)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification.to) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "acme notification provider: a notification needs a recipient (to)"
      )
    }
    const id = `acme_${crypto.randomUUID()}`
    const data = this.settings.logData ? ` data=${JSON.stringify(notification.data ?? {})}` : ""
    this.logger.info(`[acme] ${notification.channel} "${notification.template}" to ${notification.to} (${id})${data}`)
    return { id }
  }
}
