import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { EmailRequest } from "../utils/email-request"
import { deliverEmailStep } from "./steps/deliver-email"
import { prepareEmailStep } from "./steps/prepare-email"

/** Renders one email, logs it under its idempotency key (once per key) and makes the first delivery attempt. */
export const sendEmailWorkflow = createWorkflow("notification-smtp-send-email", (request: EmailRequest) => {
  const id = prepareEmailStep(request)
  return new WorkflowResponse(deliverEmailStep(id))
})
