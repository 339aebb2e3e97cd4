import Medusa from "@medusajs/js-sdk"

/** The dashboard's own session: plugin pages call the admin API with the logged-in merchant's cookie. */
export const BACKEND_URL: string = (import.meta as any).env?.VITE_BACKEND_URL || "/"

export const sdk = new Medusa({
  baseUrl: BACKEND_URL,
  auth: { type: "session" },
})
