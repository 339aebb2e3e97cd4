import { normalizeText } from "../../lib/search/normalize"

/** Longest query text insights keep, in characters; longer ones are cut and end with "…". */
export const MAX_INSIGHT_QUERY_LENGTH = 100

/** What an email address in a query is stored as. */
export const EMAIL_MARK = "[email]"
/** What a run of six or more digits in a query (a phone, card or order number) is stored as. */
export const NUMBER_MARK = "[number]"

// Any word with an @ inside: shoppers paste partial addresses too ("ana@gmail"), and nothing in a catalog needs it.
const EMAIL = /\S+@\S+/gu
// Six or more digits, with up to three non-alphanumeric characters between them: "+34 612 345 678",
// "4111_1111_1111_1111", "612,345,678", "612 - 345 - 678", "(612) 345".
const DIGIT_RUN = /\+?\p{Nd}(?:[^\p{L}\p{Nd}]{0,3}\p{Nd}){5,}/gu

/**
 * The text search insights store for a shopper's query: normalised (as synonyms match it: NFKC, lower case, single
 * spaces), emails and long digit runs replaced by `[email]` and `[number]` before anything is kept, and cut to
 * MAX_INSIGHT_QUERY_LENGTH characters (never inside a character, never before redaction, so a cut cannot leave part
 * of a number behind). An empty result means: nothing to record.
 */
export function insightQuery(text: string): string {
  const redacted = normalizeText(text).replace(EMAIL, EMAIL_MARK).replace(DIGIT_RUN, NUMBER_MARK)
  const characters = Array.from(redacted)
  if (characters.length <= MAX_INSIGHT_QUERY_LENGTH) {
    return redacted
  }
  return `${characters
    .slice(0, MAX_INSIGHT_QUERY_LENGTH - 1)
    .join("")
    .trimEnd()}…`
}
