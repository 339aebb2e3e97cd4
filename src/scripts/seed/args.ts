/**
 * Arguments of `medusa exec ./src/scripts/seed.ts`.
 *
 * Medusa's CLI parses `exec [file] [args..]` with yargs in strict mode: an option it does not know
 * (`--products 100`) is refused with "Unknown argument: products" before the script runs, and anything after a `--`
 * is dropped from `args`. So the seed accepts the count three ways:
 *   medusa exec ./src/scripts/seed.ts products=100          (arrives in `args`)
 *   medusa exec ./src/scripts/seed.ts -- --products 100     (read from process.argv after `--`)
 *   seed({ container, args: ["--products", "100"] })        (a caller passing args itself)
 */
import { MedusaError } from "@medusajs/framework/utils"

export interface SeedArgs {
  /** How many synthetic products to add (each with 3 variants); undefined for the demo store only. */
  products?: number
}

/** Largest count accepted in one run; bigger catalogs are built by running the seed again. */
export const MAX_SYNTHETIC_PRODUCTS = 1_000_000

export function parseProductCount(raw: string | undefined): number {
  const text = (raw ?? "").trim()
  const count = /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SYNTHETIC_PRODUCTS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `--products needs a whole number from 1 to ${MAX_SYNTHETIC_PRODUCTS}, ` +
        `got ${raw === undefined ? "nothing" : `"${raw}"`}`
    )
  }
  return count
}

/** Tokens after the first `--` on the command line (where `medusa exec … -- --products N` leaves them). */
export function argvAfterDoubleDash(argv: string[] = process.argv): string[] {
  const index = argv.indexOf("--")
  return index === -1 ? [] : argv.slice(index + 1)
}

export function parseSeedArgs(tokens: string[]): SeedArgs {
  const result: SeedArgs = {}
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    const match = /^(?:--)?products(?:=(.*))?$/.exec(token)
    if (!match) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Unknown seed argument "${token}". Usage: medusa exec ./src/scripts/seed.ts [products=N]`
      )
    }
    if (match[1] !== undefined) {
      result.products = parseProductCount(match[1])
    } else if (token.startsWith("--")) {
      result.products = parseProductCount(tokens[++i])
    } else {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `"products" needs a value: products=N`)
    }
  }
  return result
}
