/** Letters count as 10..35 in ISO 7064 MOD 97-10, the checksum of IBANs and of RF creditor references. */
function toDigits(text: string): string {
  return [...text].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join("")
}

/** ISO 7064 MOD 97-10 remainder of an alphanumeric string, computed in chunks to stay within integers. */
export function mod97(text: string): number {
  let remainder = 0
  for (const digit of toDigits(text)) {
    remainder = (remainder * 10 + Number(digit)) % 97
  }
  return remainder
}

/** Country, two check digits and 11–30 alphanumerics whose MOD 97 checksum is 1 (spaces ignored). */
export function isValidIban(raw: string): boolean {
  const iban = raw.replace(/\s+/g, "").toUpperCase()
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) {
    return false
  }
  return mod97(iban.slice(4) + iban.slice(0, 4)) === 1
}

/** The IBAN in groups of four, as banks print it. */
export function formatIban(raw: string): string {
  return raw
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1 ")
}
