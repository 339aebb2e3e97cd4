import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { EMAIL_STATUSES, EMAIL_TEMPLATES } from "../../../utils/constants"

/** GET /admin/emails query: pagination and filters. Unknown parameters are refused, naming them. */
export const EmailListQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    status: z.enum(EMAIL_STATUSES).optional(),
    template: z.enum(EMAIL_TEMPLATES).optional(),
    order_id: z.string().min(1).max(100).optional(),
    customer_id: z.string().min(1).max(100).optional(),
    recipient: z.string().min(1).max(320).optional(),
  })
  .strict()

export type EmailListQuery = z.infer<typeof EmailListQuery>

/** Parses with the schema or answers 400 naming each bad parameter. */
export function parseOrRefuse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input)
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const path = issue.path.join(".")
      const unknown =
        issue.code === "unrecognized_keys"
          ? `unknown parameter(s) ${(issue as { keys?: string[] }).keys?.join(", ")}`
          : ""
      return unknown || `${path || "request"}: ${issue.message}`
    })
    throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
  }
  return result.data
}

/** What the list shows of each email (no bodies: the preview reads one email at a time). */
export const LIST_FIELDS = [
  "id",
  "template",
  "recipient",
  "locale",
  "subject",
  "status",
  "attempts",
  "next_attempt_at",
  "sent_at",
  "last_error",
  "event_name",
  "order_id",
  "customer_id",
  "resent_from_id",
  "created_at",
] as const
