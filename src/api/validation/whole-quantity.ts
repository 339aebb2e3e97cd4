import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Medusa's store validators accept any positive number as a line-item quantity, and 1.5 is then stored
 * rounded. Items are sold in whole units: anything else is refused with a 400 that names the field.
 */
export function requireWholeQuantities(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction): void {
  const body = (req.body ?? {}) as { quantity?: unknown; items?: unknown }
  const problems: string[] = []
  checkQuantity(body.quantity, "quantity", problems)
  if (Array.isArray(body.items)) {
    body.items.forEach((item, index) => checkQuantity((item as { quantity?: unknown })?.quantity, `items[${index}].quantity`, problems))
  }
  if (problems.length > 0) {
    return next(new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; ")))
  }
  next()
}

function checkQuantity(value: unknown, field: string, problems: string[]): void {
  if (typeof value === "number" && Number.isFinite(value) && !Number.isInteger(value)) {
    problems.push(`${field} must be a whole number of units (got ${value})`)
  }
}
