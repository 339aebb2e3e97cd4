export const MIN_SECRET_LENGTH = 32

/** Fewer different characters than this is a pattern, not a random string (64 random hex digits have ~16). */
const MIN_DISTINCT_CHARACTERS = 10

/**
 * Secrets that have been published — Medusa's default and its templates', placeholders of our docs, and the value
 * Tienda itself once fell back to — so they protect nothing: anyone can sign an admin token with them.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  "supersecret",
  "secret",
  "changeme",
  "change-me",
  "change-me-to-a-long-random-string",
  "tienda-local-development-secret",
  // The bench's fixed secrets, in the repository's history (it now makes fresh ones per run).
  "bench-jwt-secret-0123456789abcdef0123456789",
  "bench-cookie-secret-0123456789abcdef0123456",
]

/** Why a secret is unfit to sign tokens, or undefined when it looks random enough. */
export function secretWeakness(value: string): string | undefined {
  if (PUBLISHED_SECRETS.includes(value.trim().toLowerCase())) {
    return "a published default"
  }
  if (value.length < MIN_SECRET_LENGTH) {
    return `shorter than ${MIN_SECRET_LENGTH} characters`
  }
  if (new Set(value).size < MIN_DISTINCT_CHARACTERS || /^(.{1,16}?)\1+$/s.test(value)) {
    return "a pattern with too little variety"
  }
  return undefined
}

export const GENERATE_SECRET_HINT = `node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`
