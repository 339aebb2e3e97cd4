import { resolveOptions, sendsOverSmtp } from "../options"

describe("notification-smtp options", () => {
  it("without an SMTP server keeps every email in the local mailbox, with the defaults filled in", () => {
    const options = resolveOptions(undefined, {})
    expect(sendsOverSmtp(options)).toBe(false)
    expect(options).toMatchObject({
      channels: ["email"],
      defaultLocale: "en",
      connectionTimeoutMs: 5000,
      secure: false,
    })
    expect(options.port).toBeUndefined()
  })

  it("reads host, port, TLS and credentials from an smtps:// URL", () => {
    const options = resolveOptions(
      { url: "smtps://mailer%40shop.test:p%40ss@mail.shop.test", from: "Shop <shop@shop.test>" },
      {}
    )
    expect(options).toMatchObject({
      host: "mail.shop.test",
      port: 465,
      secure: true,
      user: "mailer@shop.test",
      password: "p@ss",
    })
    expect(sendsOverSmtp(options)).toBe(true)
  })

  it("explicit options win over the URL; port 587 without implicit TLS", () => {
    const options = resolveOptions(
      { url: "smtp://mail.shop.test", host: "relay.shop.test", from: "shop@shop.test" },
      {}
    )
    expect(options).toMatchObject({ host: "relay.shop.test", port: 587, secure: false })
  })

  it("takes the password from env:NAME", () => {
    const options = resolveOptions(
      { host: "mail.shop.test", user: "u", password: "env:SMTP_SECRET", from: "a@b.co" },
      { SMTP_SECRET: "s3cret" }
    )
    expect(options.password).toBe("s3cret")
  })

  it("names every problem at once", () => {
    expect(() =>
      resolveOptions(
        {
          host: "mail shop",
          port: 70000,
          secure: "yes" as unknown as boolean,
          user: "u",
          password: "env:MISSING_SECRET",
          replyTo: "nobody",
          merchantEmail: "shop.example.com",
          connectionTimeoutMs: 0,
          channels: [],
          storefrontUrl: "shop.example.com",
          brandColor: "red",
          defaultLocale: "fr",
          retryDelaysSeconds: [60, -1],
        },
        {}
      )
    ).toThrow(
      /MISSING_SECRET is not set.*host "mail shop".*port must be.*secure must be.*from is required.*replyTo "nobody".*merchantEmail.*connectionTimeoutMs.*channels.*storefrontUrl.*brandColor.*defaultLocale "fr".*retryDelaysSeconds/s
    )
  })

  it("refuses a URL of another scheme and a password without a user", () => {
    expect(() => resolveOptions({ url: "http://mail.shop.test" }, {})).toThrow(/url must start with smtp:\/\//)
    expect(() => resolveOptions({ host: "mail.shop.test", password: "x", from: "a@b.co" }, {})).toThrow(
      /user and password go together/
    )
  })
})
