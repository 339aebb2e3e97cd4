import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MAILBOX_ID_PREFIX } from "./constants"
import { emailLog, type EmailRow } from "./email-log"
import type { ResolvedSmtpEmailOptions } from "./options"
import { nextAttemptAt } from "./retry-schedule"

/**
 * One delivery attempt of a logged email through Medusa's Notification Module (and so the SMTP provider). The row
 * records the outcome: `sent`, `stored` (local mailbox), `retrying` with the time of its next attempt, or `failed`
 * once the retry delays are used up. Never throws for a send failure: the retry job takes it from there.
 */
export async function deliverEmail(
  container: MedusaContainer,
  id: string,
  options: ResolvedSmtpEmailOptions
): Promise<EmailRow> {
  const log = emailLog(container)
  const row = (await log.retrieveEmailMessage(id)) as unknown as EmailRow
  const attempts = row.attempts + 1
  try {
    const [notification] = await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to: row.recipient,
        channel: "email",
        template: row.template,
        content: { subject: row.subject, html: row.html, text: row.text },
        data: { email_message_id: row.id },
        // One notification per attempt: Medusa's own key would otherwise skip a retry after a success elsewhere.
        idempotency_key: `${row.id}:${attempts}`,
      },
    ])
    const stored = String(notification?.external_id ?? "").startsWith(MAILBOX_ID_PREFIX)
    return await log.updateEmailMessages({
      id,
      status: stored ? "stored" : "sent",
      attempts,
      sent_at: new Date(),
      next_attempt_at: null,
      last_error: null,
      external_id: notification?.external_id ?? null,
    })
  } catch (error) {
    const next = nextAttemptAt(attempts, options.retryDelaysSeconds)
    const message = String((error as Error)?.message ?? error).replace(
      /^Failed to send notification with id \S+:\s*/,
      ""
    )
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(
        `Email ${id} (${row.template}) attempt ${attempts} failed: ${message}${next ? `; next attempt ${next.toISOString()}` : "; giving up"}`
      )
    return await log.updateEmailMessages({
      id,
      status: next ? "retrying" : "failed",
      attempts,
      next_attempt_at: next,
      last_error: message.slice(0, 1000),
    })
  }
}
