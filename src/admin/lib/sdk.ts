import Medusa from "@medusajs/js-sdk"

/** The dashboard's own session: Tienda's admin pages call the admin API with the logged-in merchant's cookie. */
export const sdk = new Medusa({ baseUrl: "/", auth: { type: "session" } })

/** The message of a failed admin API call, for an inline error. */
export function errorMessage(error: unknown, fallback: string): string {
  return (error as { message?: string } | null)?.message || fallback
}
