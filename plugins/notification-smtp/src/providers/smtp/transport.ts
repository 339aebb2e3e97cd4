import nodemailer, { type Transporter } from "nodemailer"
import type { ResolvedSmtpEmailOptions } from "../../utils/options"

/**
 * A pooled SMTP transport: a few connections kept open and reused, each step bounded by a short timeout so a slow
 * or unreachable server fails the send (and its retry is scheduled) instead of holding it for minutes.
 */
export function smtpTransport(options: ResolvedSmtpEmailOptions): Transporter {
  return nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections,
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: options.requireTls,
    auth: options.user ? { user: options.user, pass: options.password } : undefined,
    connectionTimeout: options.connectionTimeoutMs,
    greetingTimeout: options.greetingTimeoutMs,
    socketTimeout: options.socketTimeoutMs,
  })
}
