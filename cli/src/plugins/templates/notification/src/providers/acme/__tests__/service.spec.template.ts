import type { Logger } from "@medusajs/framework/types"
import { AcmeNotificationProviderService } from "../service"

function recordingLogger(lines: string[]): Logger {
  return { info: (message: string) => lines.push(message) } as unknown as Logger
}

describe("AcmeNotificationProviderService", () => {
  it("logs each notification with its channel, template and recipient, and returns an id", async () => {
    const lines: string[] = []
    const provider = new AcmeNotificationProviderService({ logger: recordingLogger(lines) }, {})
    const result = await provider.send({
      to: "ana@example.com",
      channel: "email",
      template: "order-placed",
      data: { total: 10 },
    })
    expect(result.id).toMatch(/^acme_/)
    expect(lines).toEqual([expect.stringContaining('email "order-placed" to ana@example.com')])
    expect(lines[0]).not.toContain("total")
  })

  it("logs the data only when asked to", async () => {
    const lines: string[] = []
    const provider = new AcmeNotificationProviderService({ logger: recordingLogger(lines) }, { logData: true })
    await provider.send({ to: "ana@example.com", channel: "email", template: "t", data: { total: 10 } })
    expect(lines[0]).toContain('data={"total":10}')
  })

  it("accepts being registered without options", () => {
    expect(() => AcmeNotificationProviderService.validateOptions(undefined)).not.toThrow()
    expect(() => AcmeNotificationProviderService.validateOptions({ logData: "yes" })).toThrow(
      /logData must be true or false/
    )
  })

  it("refuses a notification without a recipient", async () => {
    const provider = new AcmeNotificationProviderService({ logger: recordingLogger([]) }, {})
    await expect(provider.send({ to: "", channel: "email", template: "t" })).rejects.toThrow(/needs a recipient/)
  })
})
