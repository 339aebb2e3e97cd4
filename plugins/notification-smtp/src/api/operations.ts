import { z } from "@medusajs/framework/zod"
import { EMAIL_STATUSES, EMAIL_TEMPLATES } from "../utils/constants"
import { EmailSettingsBody } from "./admin/email-settings/validators"
import { EmailListQuery } from "./admin/emails/query"

/**
 * The plugin's routes, described by the schemas that validate them. Tienda's API reference (/docs) lists these;
 * the shape is Tienda's `ApiOperation`, declared here without importing it.
 */

/** Actions that take no input: anything in the body is a client mistake worth a clear 400. */
export const NoBody = z.object({}).strict()

const error = (description: string) => ({ description })
const unauthenticated = error("No admin session, bearer token or secret API key")
const EmailParams = z.object({ id: z.string().describe("An email of the log (email_…)") })
const when = z.union([z.string(), z.date()])

const EmailSummary = z
  .object({
    id: z.string(),
    template: z.enum(EMAIL_TEMPLATES),
    recipient: z.string(),
    locale: z.string().nullable(),
    subject: z.string().nullable(),
    status: z.enum(EMAIL_STATUSES),
    attempts: z.number().int(),
    next_attempt_at: when.nullable(),
    sent_at: when.nullable(),
    last_error: z.string().nullable(),
    event_name: z.string().nullable(),
    order_id: z.string().nullable(),
    customer_id: z.string().nullable(),
    resent_from_id: z.string().nullable(),
    created_at: when,
  })
  .loose()

const EmailSettings = z.object({
  logo_url: z.string().nullable(),
  brand_color: z.string(),
  merchant_email: z.string().nullable(),
  defaults: z.object({
    logo_url: z.string().nullable(),
    brand_color: z.string(),
    merchant_email: z.string().nullable(),
  }),
})

export const operations = [
  {
    method: "GET",
    path: "/admin/emails",
    audience: "admin" as const,
    tag: "Emails",
    summary: "The email log, newest first",
    query: EmailListQuery,
    answers: {
      200: {
        description: "A page of emails (without their bodies)",
        schema: z.object({
          emails: z.array(EmailSummary),
          count: z.number().int(),
          limit: z.number().int(),
          offset: z.number().int(),
        }),
      },
      400: error("A filter out of range, or an unknown parameter (named)"),
      401: unauthenticated,
    },
    examples: [
      { summary: "Failed order confirmations", query: { status: "failed", template: "order-placed", limit: "20" } },
    ],
  },
  {
    method: "GET",
    path: "/admin/emails/:id",
    audience: "admin" as const,
    tag: "Emails",
    summary: "One email with its rendered subject, HTML and text",
    params: EmailParams,
    answers: {
      200: {
        description: "The email",
        schema: z.object({ email: EmailSummary.extend({ html: z.string(), text: z.string() }).loose() }),
      },
      401: unauthenticated,
      404: error("No email with that id"),
    },
    examples: [{ summary: "An unknown email", params: { id: "email_01JZZZZZZZZZZZZZZZZZZZZZZZ" } }],
  },
  {
    method: "POST",
    path: "/admin/emails/:id/resend",
    audience: "admin" as const,
    tag: "Emails",
    summary: "Send an email again",
    description: "The same rendered email, as a new row of the log, delivered at once; the original keeps its history.",
    params: EmailParams,
    body: NoBody,
    answers: {
      201: { description: "The new row with its outcome", schema: z.object({ email: EmailSummary }) },
      400: error("A body with any field"),
      401: unauthenticated,
      404: error("No email with that id"),
    },
    examples: [{ summary: "An unknown email", params: { id: "email_01JZZZZZZZZZZZZZZZZZZZZZZZ" }, body: {} }],
  },
  {
    method: "GET",
    path: "/admin/email-settings",
    audience: "admin" as const,
    tag: "Emails",
    summary: "The logo, colour and alert address the emails use now",
    answers: {
      200: {
        description: "The settings and the options' defaults",
        schema: z.object({ email_settings: EmailSettings }),
      },
      401: unauthenticated,
    },
    examples: [{ summary: "Read" }],
  },
  {
    method: "POST",
    path: "/admin/email-settings",
    audience: "admin" as const,
    tag: "Emails",
    summary: "Change the emails' logo, colour or alert address",
    description: "Each setting optional; `null` clears one back to the plugin's option. Answers as GET does.",
    body: EmailSettingsBody,
    answers: {
      200: { description: "The settings now", schema: z.object({ email_settings: EmailSettings }) },
      400: error("A setting that is not valid (named), or an unknown field"),
      401: unauthenticated,
    },
    examples: [{ summary: "Brand colour", body: { brand_color: "#1f2937" } }],
  },
]
