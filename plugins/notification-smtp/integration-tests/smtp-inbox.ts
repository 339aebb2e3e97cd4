import type { AddressInfo } from "node:net"
import { simpleParser } from "mailparser"
import { SMTPServer } from "smtp-server"

export interface ReceivedEmail {
  to: string
  subject: string
  html: string
  text: string
}

/**
 * A real SMTP server in the test's process (no TLS, any login): every message it accepts is parsed into `emails`.
 * `stop()` closes it (connections too, at once), `start()` listens again on the same port.
 */
export class SmtpInbox {
  readonly emails: ReceivedEmail[] = []
  port = 0
  private server?: SMTPServer

  async start(): Promise<number> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      closeTimeout: 100,
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            const to = Array.isArray(mail.to) ? mail.to[0] : mail.to
            this.emails.push({
              to: to?.text ?? "",
              subject: mail.subject ?? "",
              html: String(mail.html || ""),
              text: mail.text ?? "",
            })
            callback()
          },
          (error) => callback(error)
        )
      },
    })
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject)
      this.server!.listen(this.port, "127.0.0.1", () => resolve())
    })
    this.port = (this.server.server.address() as AddressInfo).port
    return this.port
  }

  async stop(): Promise<void> {
    const server = this.server
    this.server = undefined
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  }

  to(address: string): ReceivedEmail[] {
    return this.emails.filter((email) => email.to.toLowerCase().includes(address.toLowerCase()))
  }
}
