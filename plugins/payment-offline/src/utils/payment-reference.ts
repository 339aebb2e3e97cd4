import crypto from "node:crypto"
import { mod97 } from "./iban"

/** No 0/O or 1/I: customers type references from a screen into their banking app. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
const RANDOM_LENGTH = 10

/**
 * A new ISO 11649 "RF" creditor reference: RF, two check digits, the prefix and 10 random characters
 * (50 bits, so two orders never share one in practice). Banks validate RF references, which catches typos
 * before the money leaves the customer's account.
 */
export function newPaymentReference(prefix: string, random: (size: number) => Buffer = crypto.randomBytes): string {
  const bytes = random(RANDOM_LENGTH)
  const body = prefix + [...bytes].map((byte) => ALPHABET[byte % ALPHABET.length]).join("")
  return `RF${checkDigits(body)}${body}`
}

function checkDigits(body: string): string {
  return String(98 - mod97(`${body}RF00`)).padStart(2, "0")
}

/** Whether a reference (spaces ignored) carries valid RF check digits. */
export function isValidPaymentReference(raw: string): boolean {
  const reference = raw.replace(/\s+/g, "").toUpperCase()
  if (!/^RF[0-9]{2}[A-Z0-9]{1,21}$/.test(reference)) {
    return false
  }
  return mod97(reference.slice(4) + reference.slice(0, 4)) === 1
}

/** The reference in groups of four, as it is printed for the customer. */
export function formatPaymentReference(raw: string): string {
  return raw.replace(/(.{4})(?=.)/g, "$1 ")
}
