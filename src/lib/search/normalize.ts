/** Longest free-text query the store search accepts. */
export const MAX_QUERY_LENGTH = 256

/**
 * The canonical form of a query or synonym term: Unicode NFKC, lower case, no control characters, single spaces.
 * Insights group queries by it and synonyms match on it.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      // eslint-disable-next-line no-control-regex -- control characters become spaces
      .replace(/[\u0000-\u001f\u007f]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
  )
}
