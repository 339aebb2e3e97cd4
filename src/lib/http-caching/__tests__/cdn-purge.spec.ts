import { CdnPurger } from "../cdn-purge"

interface Sent {
  url: string
  headers: Record<string, string>
  body: { tags: string[]; surrogate_keys: string[] }
}

/** A fetch that records each purge and answers with the next status of `statuses` (then 200); `hang` never answers. */
function fakeCdn(statuses: Array<number | "network" | "hang"> = []) {
  const sent: Sent[] = []
  const send = (async (url: string, init: RequestInit) => {
    sent.push({ url, headers: init.headers as Record<string, string>, body: JSON.parse(init.body as string) })
    const status = statuses.shift() ?? 200
    if (status === "network") {
      throw new TypeError("fetch failed")
    }
    if (status === "hang") {
      return new Promise<Response>(() => {})
    }
    return new Response("", { status })
  }) as unknown as typeof fetch
  return { sent, send }
}

describe("CDN purges", () => {
  it("batches the keys announced together into one POST with Surrogate-Key and a JSON body", async () => {
    const cdn = fakeCdn()
    const purger = new CdnPurger({ url: "http://cdn.test/purge", tokenHeader: "Authorization" }, cdn.send, [])
    purger.announce(["tienda-catalog"])
    purger.announce(["prod_1", "tienda-catalog"])
    await purger.settled()
    expect(cdn.sent).toEqual([
      {
        url: "http://cdn.test/purge",
        headers: { "content-type": "application/json", "surrogate-key": "tienda-catalog prod_1" },
        body: { tags: ["tienda-catalog", "prod_1"], surrogate_keys: ["tienda-catalog", "prod_1"] },
      },
    ])
  })

  it("sends the credential as a bearer token or in the header the CDN wants", async () => {
    const bearer = fakeCdn()
    const cloudflare = new CdnPurger(
      { url: "http://cdn.test", token: "secret-1", tokenHeader: "Authorization" },
      bearer.send,
      []
    )
    cloudflare.announce(["k"])
    await cloudflare.settled()
    expect(bearer.sent[0].headers.authorization).toBe("Bearer secret-1")
    const raw = fakeCdn()
    const fastly = new CdnPurger({ url: "http://cdn.test", token: "secret-2", tokenHeader: "Fastly-Key" }, raw.send, [])
    fastly.announce(["k"])
    await fastly.settled()
    expect(raw.sent[0].headers["fastly-key"]).toBe("secret-2")
  })

  it("splits more than 30 keys over several requests", async () => {
    const cdn = fakeCdn()
    const purger = new CdnPurger({ url: "http://cdn.test", tokenHeader: "Authorization" }, cdn.send, [])
    purger.announce(Array.from({ length: 65 }, (_, i) => `prod_${i}`))
    await purger.settled()
    expect(cdn.sent.map((request) => request.body.tags.length)).toEqual([30, 30, 5])
  })

  it("retries a failed purge until the CDN takes it, and gives up after the last retry", async () => {
    const flaky = fakeCdn([503, "network", 200])
    const patient = new CdnPurger({ url: "http://cdn.test", tokenHeader: "Authorization" }, flaky.send, [1, 1, 1])
    patient.announce(["tienda-catalog"])
    await patient.settled()
    expect(flaky.sent).toHaveLength(3)

    const down = fakeCdn([500, 500, 500, 500])
    const giving = new CdnPurger({ url: "http://cdn.test", tokenHeader: "Authorization" }, down.send, [1, 1])
    giving.announce(["tienda-catalog"])
    await giving.settled()
    expect(down.sent).toHaveLength(3)
  })

  it("owes what it gave up as a purge of the whole catalog, tried again until the CDN takes it", async () => {
    // Down for two rounds of three tries, then back.
    const away = fakeCdn([503, 503, 503, "network", "network", "network"])
    const purger = new CdnPurger({ url: "http://cdn.test", tokenHeader: "Authorization" }, away.send, [1, 1], 30)
    purger.announce(["prod_1", "prod_2"])
    await purger.settled()
    for (let waited = 0; away.sent.length < 7 && waited < 2_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await purger.settled()
    expect(away.sent.map((request) => request.body.tags)).toEqual([
      ["prod_1", "prod_2"],
      ["prod_1", "prod_2"],
      ["prod_1", "prod_2"],
      ["tienda-catalog"],
      ["tienda-catalog"],
      ["tienda-catalog"],
      ["tienda-catalog"],
    ])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(away.sent).toHaveLength(7)
  })

  it("delivers what it holds before the process stops, without waiting out its retries", async () => {
    const cdn = fakeCdn([503])
    const purger = new CdnPurger({ url: "http://cdn.test", tokenHeader: "Authorization" }, cdn.send, [60_000])
    purger.announce(["prod_1"])
    // The first try was refused: the retry waits a minute, unless the process stops.
    while (cdn.sent.length < 1) await new Promise((resolve) => setTimeout(resolve, 5))
    const started = Date.now()
    expect(await purger.settledWithin(2_000)).toEqual([])
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(cdn.sent.map((request) => request.body.tags)).toEqual([["prod_1"], ["prod_1"]])
  })

  it("sends an owed catalog purge when the process stops, and names what the CDN did not take in time", async () => {
    const back = fakeCdn([503, 503])
    const owing = new CdnPurger({ url: "http://cdn.test", tokenHeader: "Authorization" }, back.send, [1], 60_000)
    owing.announce(["prod_1"])
    await owing.settled()
    expect(await owing.settledWithin(2_000)).toEqual([])
    expect(back.sent.map((request) => request.body.tags)).toEqual([["prod_1"], ["prod_1"], ["tienda-catalog"]])

    const down = fakeCdn(["network", "network"])
    const refused = new CdnPurger({ url: "http://cdn.test", tokenHeader: "Authorization" }, down.send, [60_000])
    refused.announce(["prod_2"])
    expect(await refused.settledWithin(2_000)).toEqual(["tienda-catalog"])
    expect(down.sent).toHaveLength(2)

    const hanging = fakeCdn(["hang"])
    const slow = new CdnPurger({ url: "http://cdn.test", tokenHeader: "Authorization" }, hanging.send, [])
    slow.announce(["tienda-catalog", "prod_3"])
    const started = Date.now()
    expect((await slow.settledWithin(200)).sort()).toEqual(["prod_3", "tienda-catalog"])
    expect(Date.now() - started).toBeLessThan(1_000)
  })
})
