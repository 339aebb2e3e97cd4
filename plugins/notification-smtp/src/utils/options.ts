import { MedusaError } from "@medusajs/framework/utils"
import { PLUGIN_NAME } from "./constants"

/**
 * Options of the plugin and of its notification provider. Pass the same object to both registrations in
 * `medusa-config.ts`: the provider needs the SMTP settings, the templates the brand and the addresses.
 */
export interface SmtpEmailOptions {
  /** `smtp://user:password@host:587` or `smtps://…:465`; sets host, port, secure, user and password at once. */
  url?: string
  /** SMTP server. Without it (and without `url`) every email goes to the local mailbox: stored, never sent. */
  host?: string
  /** @default 465 when `secure`, else 587 */
  port?: number
  /** TLS from the first byte (port 465). Otherwise STARTTLS is used whenever the server offers it. @default false */
  secure?: boolean
  /** Refuse to send over a connection that did not upgrade to TLS (STARTTLS). @default false */
  requireTls?: boolean
  user?: string
  /** The password, or `env:NAME` to read it from that environment variable at boot. */
  password?: string
  /** Sender, e.g. `"Tienda <shop@example.com>"`. Required with an SMTP server. */
  from?: string
  replyTo?: string
  /** Connections kept open to the server (pooled). @default 3 */
  maxConnections?: number
  /** Milliseconds to open the connection, to get the server's greeting, of socket inactivity. */
  connectionTimeoutMs?: number
  greetingTimeoutMs?: number
  socketTimeoutMs?: number
  /** The Notification Module's channels this provider serves. @default ["email"] */
  channels?: string[]
  /** Where the reset-password and account links point (`${storefrontUrl}/reset-password?token=…`). */
  storefrontUrl?: string
  /** Who gets the new-order alert; none when unset. */
  merchantEmail?: string
  /** Shown when the store module has no name. @default "Tienda" */
  storeName?: string
  /** https URL of the logo shown at the top of every email. */
  logoUrl?: string
  /** Colour of the header, buttons and links, `#rrggbb`. @default "#1f2937" */
  brandColor?: string
  /** Language of emails whose order or customer has no locale: "en" or "es". @default "en" */
  defaultLocale?: string
  /** Seconds before each further attempt of a failed send; after the last one the email is marked failed. */
  retryDelaysSeconds?: number[]
}

export const DEFAULT_OPTIONS = {
  secure: false,
  requireTls: false,
  maxConnections: 3,
  connectionTimeoutMs: 5_000,
  greetingTimeoutMs: 5_000,
  socketTimeoutMs: 15_000,
  channels: ["email"],
  storefrontUrl: "http://localhost:8000",
  storeName: "Tienda",
  brandColor: "#1f2937",
  defaultLocale: "en",
  retryDelaysSeconds: [60, 300, 900, 3600, 6 * 3600],
}

export type ResolvedSmtpEmailOptions = Omit<SmtpEmailOptions, keyof typeof DEFAULT_OPTIONS> &
  typeof DEFAULT_OPTIONS & { port?: number }

export const SUPPORTED_LOCALES = ["en", "es"] as const

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/
/** A bare address or `Name <address>`. */
const isMailbox = (value: string) => EMAIL.test(value) || /^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(value.trim())

/** `env:NAME` → the variable's value; anything else as it is. */
function secretOf(value: string | undefined, env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  const match = /^env:(.*)$/.exec(value ?? "")
  if (!match) {
    return value
  }
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(match[1])) {
    problems.push(`password "env:${match[1]}" must name an environment variable`)
    return undefined
  }
  if (!env[match[1]]) {
    problems.push(`password: environment variable ${match[1]} is not set`)
  }
  return env[match[1]]
}

function fromUrl(url: string, problems: string[]): Partial<SmtpEmailOptions> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    problems.push("url is not a URL (smtp://user:password@host:587 or smtps://…)")
    return {}
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") {
    problems.push(`url must start with smtp:// or smtps:// (got ${parsed.protocol}//)`)
    return {}
  }
  return {
    host: parsed.hostname || undefined,
    port: parsed.port ? Number(parsed.port) : undefined,
    secure: parsed.protocol === "smtps:",
    user: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
  }
}

const positiveInteger = (value: unknown) => Number.isInteger(value) && (value as number) > 0

/** Validates the options once, at boot, and fills in the defaults. Throws naming every problem at once. */
export function resolveOptions(
  options: SmtpEmailOptions | undefined,
  env: NodeJS.ProcessEnv = process.env
): ResolvedSmtpEmailOptions {
  const problems: string[] = []
  const given = Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined))
  const url = typeof given.url === "string" && given.url ? fromUrl(given.url, problems) : {}
  const merged = { ...DEFAULT_OPTIONS, ...url, ...given } as ResolvedSmtpEmailOptions
  delete (merged as SmtpEmailOptions).url
  merged.password = secretOf(merged.password, env, problems)

  if (merged.host !== undefined && (typeof merged.host !== "string" || !/^[A-Za-z0-9.:[\]-]+$/.test(merged.host))) {
    problems.push(`host "${merged.host}" is not a host name or address`)
  }
  if (merged.port !== undefined && !(positiveInteger(merged.port) && merged.port <= 65535)) {
    problems.push(`port must be a whole number 1–65535 (got ${merged.port})`)
  }
  for (const flag of ["secure", "requireTls"] as const) {
    if (typeof merged[flag] !== "boolean") {
      problems.push(`${flag} must be true or false (got ${JSON.stringify(merged[flag])})`)
    }
  }
  if (merged.host) {
    if (!merged.from) {
      problems.push('from is required with an SMTP server (e.g. "Shop <shop@example.com>")')
    }
    if (Boolean(merged.user) !== Boolean(merged.password)) {
      problems.push("user and password go together (set both or neither)")
    }
  }
  if (merged.from !== undefined && !isMailbox(merged.from)) {
    problems.push(`from "${merged.from}" is not an email address`)
  }
  for (const key of ["replyTo", "merchantEmail"] as const) {
    if (merged[key] !== undefined && !isMailbox(merged[key])) {
      problems.push(`${key} "${merged[key]}" is not an email address`)
    }
  }
  for (const key of ["maxConnections", "connectionTimeoutMs", "greetingTimeoutMs", "socketTimeoutMs"] as const) {
    if (!positiveInteger(merged[key])) {
      problems.push(`${key} must be a whole number > 0 (got ${merged[key]})`)
    }
  }
  if (
    !Array.isArray(merged.channels) ||
    !merged.channels.length ||
    merged.channels.some((c) => typeof c !== "string")
  ) {
    problems.push(`channels must be a non-empty list of channel names (got ${JSON.stringify(merged.channels)})`)
  }
  for (const key of ["storefrontUrl", "logoUrl"] as const) {
    if (merged[key] !== undefined && !/^https?:\/\/[^\s]+$/.test(merged[key])) {
      problems.push(`${key} "${merged[key]}" must be an http(s) URL`)
    }
  }
  if (!/^#[0-9a-fA-F]{6}$/.test(merged.brandColor)) {
    problems.push(`brandColor "${merged.brandColor}" must look like #1f2937`)
  }
  if (!(SUPPORTED_LOCALES as readonly string[]).includes(merged.defaultLocale)) {
    problems.push(`defaultLocale "${merged.defaultLocale}" must be one of ${SUPPORTED_LOCALES.join(", ")}`)
  }
  if (
    !Array.isArray(merged.retryDelaysSeconds) ||
    merged.retryDelaysSeconds.some((delay) => typeof delay !== "number" || !Number.isFinite(delay) || delay < 0)
  ) {
    problems.push(`retryDelaysSeconds must be a list of seconds ≥ 0 (got ${JSON.stringify(merged.retryDelaysSeconds)})`)
  }
  if (problems.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${PLUGIN_NAME} options: ${problems.join("; ")}`)
  }
  merged.storefrontUrl = merged.storefrontUrl.replace(/\/+$/, "")
  merged.port ??= merged.host ? (merged.secure ? 465 : 587) : undefined
  return merged
}

/** True when emails go to an SMTP server; false: the local mailbox keeps them. */
export function sendsOverSmtp(options: ResolvedSmtpEmailOptions): boolean {
  return Boolean(options.host)
}
