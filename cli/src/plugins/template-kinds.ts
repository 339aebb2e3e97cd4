import type { OptionValue, PluginKind } from "../shared/plugin-kinds"

/** What each `tienda plugin new --type` template is, for the generated package.json and README. */
export interface TemplateKind {
  summary: string
  /** option | default | description rows of the README's options table. */
  options: [string, string, string][]
  /** Options `tienda plugin add` writes unless given others (kept in package.json under `tienda.options`). */
  registrationOptions?: Record<string, OptionValue>
  limits: string
}

export const TEMPLATE_KINDS: Record<PluginKind, TemplateKind> = {
  payment: {
    summary: "A payment provider that authorizes every payment at once (development, demos, tests).",
    options: [["autoCapture", "`false`", "capture the payment as soon as it is authorized"]],
    limits:
      "No money moves: replace the method bodies with calls to a payment service (keep its API in a `client.ts`).",
  },
  fulfillment: {
    summary: "A flat-rate fulfillment provider: one shipping price per order, free above a threshold.",
    options: [
      ["flatRate", "`5`", "price of every shipment, in the cart's currency (major units)"],
      ["freeAbove", "`0`", "item subtotal from which shipping is free; `0` never"],
    ],
    limits: "No carrier is called: tracking numbers are made up. Create a shipping option that uses it in the admin.",
  },
  notification: {
    summary: "A notification provider that writes every notification to the server log.",
    options: [
      ["channels", '`["email"]`', "channels it delivers (each channel has exactly one provider)"],
      ["logData", "`false`", "also log the notification's data (may hold personal data)"],
    ],
    registrationOptions: { channels: ["email"] },
    limits: "Nothing is delivered to anyone. Another provider for the same channel makes Medusa refuse to start.",
  },
  search: {
    summary: "An in-memory search provider: word and filter matching over the Search Module's documents.",
    options: [],
    limits: "Indexes live in one process and are rebuilt at start; no facets, no typo tolerance, no ranking.",
  },
  module: {
    summary: "A module with one data model (`AcmeEntry`), its migration, a service and an admin route.",
    options: [],
    limits: "Change the model, then run `npx medusa plugin:db:generate` in the plugin folder for a new migration.",
  },
}
