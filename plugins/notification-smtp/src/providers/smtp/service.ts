import crypto from "node:crypto"
import type { Transporter } from "nodemailer"
import { AbstractNotificationProviderService, MedusaError } from "@medusajs/framework/utils"
import type { Logger, ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { MAILBOX_ID_PREFIX, SMTP_PROVIDER_IDENTIFIER } from "../../utils/constants"
import {
  type ResolvedSmtpEmailOptions,
  resolveOptions,
  sendsOverSmtp,
  type SmtpEmailOptions,
} from "../../utils/options"
import { smtpTransport } from "./transport"

type InjectedDependencies = { logger: Logger }

/**
 * Medusa Notification Module provider for the email channel. With an SMTP server configured it sends each email
 * through a pooled nodemailer transport; without one it sends nothing and answers a `stored-locally:` id, and the
 * email stays in the plugin's email log (the local mailbox) for the admin to read.
 */
export class SmtpNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = SMTP_PROVIDER_IDENTIFIER

  protected readonly logger: Logger
  protected readonly settings: ResolvedSmtpEmailOptions
  private transport?: Transporter

  /** Medusa calls this at boot with the provider's options: a wrong option stops the app, naming every problem. */
  static validateOptions(options: Record<string, unknown> | undefined): void {
    resolveOptions(options)
  }

  constructor({ logger }: InjectedDependencies, options: SmtpEmailOptions = {}) {
    super()
    this.logger = logger
    this.settings = resolveOptions(options)
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const content = notification.content
    if (!notification.to || !content?.subject || !(content.html || content.text)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "smtp notification provider: an email needs a recipient (to) and content with a subject and html or text"
      )
    }
    if (!sendsOverSmtp(this.settings)) {
      return { id: `${MAILBOX_ID_PREFIX}${crypto.randomUUID()}` }
    }
    this.transport ??= smtpTransport(this.settings)
    const info = await this.transport.sendMail({
      from: notification.from || this.settings.from,
      replyTo: this.settings.replyTo,
      to: notification.to,
      subject: content.subject,
      html: content.html,
      text: content.text,
    })
    return { id: info.messageId }
  }
}
