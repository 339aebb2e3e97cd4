import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { deliverEmail } from "../../utils/deliver-email"
import { pluginOptions } from "../../utils/plugin-options"

/** First delivery attempt of a prepared email; a failure is recorded on the row for the retry job, never thrown. */
export const deliverEmailStep = createStep(
  "notification-smtp-deliver-email",
  async (id: string | null, { container }) => {
    if (!id) {
      return new StepResponse(null)
    }
    const row = await deliverEmail(container, id, pluginOptions(container))
    return new StepResponse({ id: row.id, status: row.status })
  }
)
