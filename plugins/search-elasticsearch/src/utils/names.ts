import { MedusaError } from "@medusajs/framework/utils"

// Elasticsearch index names: lowercase, none of \ / * ? " < > | , # : or space, not starting with - _ +.
const VALID = /^[a-z0-9][a-z0-9_.-]*$/
const MAX_BYTES = 200
const GENERATION = "__g"

/**
 * The alias every read and write goes through for one of the Search Module's physical indexes. The concrete index
 * behind it is a generation (`<alias>__g<timestamp>`): rebuilding or clearing creates a new one and swaps the
 * alias in one atomic `_aliases` call.
 */
export function aliasName(prefix: string, physicalName: string): string {
  const alias = `${prefix}${physicalName}`
  if (!VALID.test(alias) || Buffer.byteLength(alias) > MAX_BYTES || alias.includes(GENERATION)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Search index "${physicalName}" cannot be an Elasticsearch index name ("${alias}"): use lowercase letters, digits, "_", "-" or "."`
    )
  }
  return alias
}

export function generationName(alias: string, now: number): string {
  return `${alias}${GENERATION}${now}`
}

/** The alias a generation belongs to, or undefined for an index this provider did not create. */
export function aliasOfGeneration(index: string): string | undefined {
  const at = index.lastIndexOf(GENERATION)
  return at > 0 && /^\d+$/.test(index.slice(at + GENERATION.length)) ? index.slice(0, at) : undefined
}
