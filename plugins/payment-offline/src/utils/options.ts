import { MedusaError } from "@medusajs/framework/utils"
import { isValidIban } from "./iban"

export interface BankAccount {
  /** Name on the account, shown to the customer. */
  accountHolder: string
  /** IBAN the customer transfers to (validated with its checksum at boot). */
  iban: string
  /** BIC/SWIFT code, if the merchant wants it shown. */
  bic?: string
  /** Bank name, if the merchant wants it shown. */
  bankName?: string
}

/**
 * Options of the plugin and of its payment providers. Pass the same object to both registrations in
 * `medusa-config.ts`: the providers need the bank account, the routes and the job need the fee and the days.
 */
export interface OfflinePaymentOptions {
  /**
   * The account bank-transfer customers pay into. Without it the bank-transfer provider refuses new payment
   * sessions (a clear 400) instead of showing customers an account that is not the merchant's.
   * @default undefined
   */
  bankAccount?: BankAccount
  /**
   * Letters put in front of the random part of each RF payment reference (A–Z, 0–9, at most 8).
   * @default "TND"
   */
  referencePrefix?: string
  /**
   * Cash-on-delivery fee per currency, in the currency's main unit (`{ eur: 2.5, jpy: 300 }`). A currency not
   * listed has no fee.
   * @default {}
   */
  cashOnDeliveryFee?: Record<string, number>
  /**
   * Bank-transfer orders still unpaid this many days after they were placed are cancelled (and their stock
   * released) by the hourly job. 0 turns the job off.
   * @default 7
   */
  autoCancelAfterDays?: number
}

export const DEFAULT_OPTIONS = {
  referencePrefix: "TND",
  cashOnDeliveryFee: {} as Record<string, number>,
  autoCancelAfterDays: 7,
}

export type ResolvedOfflinePaymentOptions = OfflinePaymentOptions & typeof DEFAULT_OPTIONS

/** Validates the options once, at boot, and fills in the defaults. Throws naming what is wrong. */
export function resolveOptions(options: OfflinePaymentOptions | undefined): ResolvedOfflinePaymentOptions {
  const resolved = { ...DEFAULT_OPTIONS, ...(options ?? {}) }
  const problems: string[] = []
  const account = resolved.bankAccount
  if (account) {
    if (!account.accountHolder?.trim()) {
      problems.push("bankAccount.accountHolder is empty")
    }
    if (!isValidIban(account.iban ?? "")) {
      problems.push(`bankAccount.iban "${account.iban ?? ""}" is not a valid IBAN (country, check digits, length)`)
    }
  }
  if (!/^[A-Z0-9]{0,8}$/.test(resolved.referencePrefix)) {
    problems.push(`referencePrefix "${resolved.referencePrefix}" must be 0–8 capital letters or digits`)
  }
  for (const [currency, fee] of Object.entries(resolved.cashOnDeliveryFee)) {
    if (!/^[a-z]{3}$/.test(currency) || typeof fee !== "number" || !Number.isFinite(fee) || fee < 0) {
      problems.push(`cashOnDeliveryFee.${currency} must be a lower-case currency code with a fee ≥ 0 (got ${fee})`)
    }
  }
  if (!Number.isInteger(resolved.autoCancelAfterDays) || resolved.autoCancelAfterDays < 0) {
    problems.push(`autoCancelAfterDays must be a whole number ≥ 0 (got ${resolved.autoCancelAfterDays})`)
  }
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `@tienda/payment-offline options: ${problems.join("; ")}`)
  }
  return resolved
}
