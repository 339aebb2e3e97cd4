import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

// Deliberately plain: one @, a dot in the domain, no spaces or characters that mail systems reject.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/

export function isEmail(value: unknown): value is string {
  return typeof value === "string" && value.length <= 254 && EMAIL.test(value)
}

/**
 * Registration (`/auth/customer/emailpass/register`) and customer creation (`POST /store/customers`): the identifier
 * must be an email. Medusa's emailpass provider accepts any string, and a non-email identity can never receive a
 * password reset or an order transfer.
 */
export function requireEmail(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  const email = (req.body as Record<string, unknown> | undefined)?.email
  if (!isEmail(email)) {
    return next(
      new MedusaError(MedusaError.Types.INVALID_DATA, "email must be a valid email address, such as name@example.com")
    )
  }
  next()
}
