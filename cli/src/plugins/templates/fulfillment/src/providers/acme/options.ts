import { MedusaError } from "@medusajs/framework/utils"

/** Options of the acme fulfillment provider, set in medusa-config.ts (`tienda plugin add … --option key=value`). */
export interface AcmeOptions {
  /**
   * The price of every shipment, in the cart's currency (major units: 4.95 is 4.95 €).
   * @default 5
   */
  flatRate?: number
  /**
   * Orders whose item subtotal reaches this amount ship for free; 0 turns free shipping off.
   * @default 0
   */
  freeAbove?: number
}

export const DEFAULT_OPTIONS: Required<AcmeOptions> = { flatRate: 5, freeAbove: 0 }

/** Checked once, at boot: a wrong option stops the app with a message naming it. */
export function validateOptions(options: Record<string, unknown>): void {
  for (const name of ["flatRate", "freeAbove"] as const) {
    const value = options[name]
    if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < 0)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `acme fulfillment provider: ${name} must be a number of at least 0 (got ${JSON.stringify(value)})`
      )
    }
  }
}

export function resolveOptions(options: AcmeOptions = {}): Required<AcmeOptions> {
  return { ...DEFAULT_OPTIONS, ...options }
}
