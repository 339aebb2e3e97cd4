import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sendEmailWorkflow } from "../workflows/send-email"
import type { EmailRequest } from "./email-request"

/**
 * Runs the send workflow for each email, one after the other. Subscribers call it after Medusa answered the request
 * that raised the event, so a slow SMTP server delays no checkout; a failure is logged, never thrown back at the
 * event bus (whose retry would render the email again under the same key, which sends nothing anyway).
 */
export async function sendEmails(container: MedusaContainer, requests: EmailRequest[]): Promise<void> {
  for (const request of requests) {
    try {
      await sendEmailWorkflow(container).run({ input: request })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .error(
          `Email "${request.template}" to ${request.to} (${request.event_name}) could not be prepared: ${(error as Error).message}`
        )
    }
  }
}
