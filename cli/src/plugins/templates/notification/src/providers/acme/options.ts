import { MedusaError } from "@medusajs/framework/utils"

/**
 * Options of the acme notification provider, set in medusa-config.ts. The Notification Module itself reads
 * `channels` (e.g. ["email"]): each channel has exactly one provider.
 */
export interface AcmeOptions {
  /**
   * The channels this provider delivers, e.g. ["email"].
   * @default ["email"] (written by `tienda plugin add`)
   */
  channels?: string[]
  /**
   * Also log the notification's data (may contain personal data: keep it off in production).
   * @default false
   */
  logData?: boolean
}

export const DEFAULT_OPTIONS: Required<AcmeOptions> = { channels: ["email"], logData: false }

/** Checked once, at boot: a wrong option stops the app with a message naming it. */
export function validateOptions(options: Record<string, unknown>): void {
  if (options.logData !== undefined && typeof options.logData !== "boolean") {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `acme notification provider: logData must be true or false (got ${JSON.stringify(options.logData)})`
    )
  }
}

export function resolveOptions(options: AcmeOptions = {}): Required<AcmeOptions> {
  return { ...DEFAULT_OPTIONS, ...options }
}
