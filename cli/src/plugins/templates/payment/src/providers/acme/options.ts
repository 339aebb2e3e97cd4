import { MedusaError } from "@medusajs/framework/utils"

/** Options of the acme payment provider, set in medusa-config.ts (`tienda plugin add … --option key=value`). */
export interface AcmeOptions {
  /**
   * Capture the payment as soon as it is authorized, so orders are paid at checkout.
   * @default false
   */
  autoCapture?: boolean
}

export const DEFAULT_OPTIONS: Required<AcmeOptions> = { autoCapture: false }

/** Checked once, at boot: a wrong option stops the app with a message naming it. */
export function validateOptions(options: Record<string, unknown>): void {
  if (options.autoCapture !== undefined && typeof options.autoCapture !== "boolean") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `acme payment provider: autoCapture must be true or false (got ${JSON.stringify(options.autoCapture)})`
    )
  }
}

export function resolveOptions(options: AcmeOptions = {}): Required<AcmeOptions> {
  return { ...DEFAULT_OPTIONS, ...options }
}
