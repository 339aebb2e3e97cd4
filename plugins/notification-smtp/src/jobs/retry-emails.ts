import type { MedusaContainer } from "@medusajs/framework/types"
import { deliverEmail } from "../utils/deliver-email"
import { emailLog, type EmailRow } from "../utils/email-log"
import { isDueForRetry } from "../utils/idempotency"
import { pluginOptions } from "../utils/plugin-options"

const BATCH = 50
/** How long a claimed email is held by one retry run: longer than an SMTP attempt can take (its timeouts). */
const CLAIM_SECONDS = 5 * 60

/**
 * Delivers the `retrying` emails whose next attempt is due (oldest first, 50 a run), each claimed first so that two
 * runs at once never send one email twice; returns the new rows of the emails this run delivered.
 */
export async function retryDueEmails(container: MedusaContainer, now: Date = new Date()): Promise<EmailRow[]> {
  const options = pluginOptions(container)
  const due = (await emailLog(container).listEmailMessages(
    { status: "retrying", next_attempt_at: { $lte: now } },
    { take: BATCH, order: { next_attempt_at: "ASC" } }
  )) as unknown as EmailRow[]
  const results: EmailRow[] = []
  const log = emailLog(container)
  for (const row of due.filter((candidate) => isDueForRetry(candidate, now))) {
    if (await log.claimDueEmail(row.id, now, CLAIM_SECONDS)) {
      results.push(await deliverEmail(container, row.id, options))
    }
  }
  return results
}

export default async function retryEmailsJob(container: MedusaContainer) {
  await retryDueEmails(container)
}

export const config = { name: "notification-smtp-retry-emails", schedule: "* * * * *" }
