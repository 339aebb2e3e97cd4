import { DEFAULT_OPTIONS, resolveElasticsearchOptions } from "../options"

const CA = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"

describe("Elasticsearch options", () => {
  it("takes one URL, a comma-separated list or an array, with documented defaults", () => {
    expect(resolveElasticsearchOptions({ node: "http://localhost:9200" })).toEqual({
      nodes: ["http://localhost:9200"],
      apiKey: undefined,
      username: undefined,
      password: undefined,
      caCertificate: undefined,
      ...DEFAULT_OPTIONS,
    })
    expect(resolveElasticsearchOptions({ node: "https://a:9200, https://b:9200" }).nodes).toEqual([
      "https://a:9200",
      "https://b:9200",
    ])
    expect(resolveElasticsearchOptions({ node: ["https://a:9200"], requestTimeoutMs: 800 }).requestTimeoutMs).toBe(800)
  })

  it("reads the CA certificate file at boot", () => {
    const options = resolveElasticsearchOptions({ node: "https://a:9200", caFile: "/etc/es/ca.crt" }, (path) =>
      path === "/etc/es/ca.crt" ? CA : ""
    )
    expect(options.caCertificate).toBe(CA)
  })

  it("names every problem in one error", () => {
    const missing = () => {
      throw Object.assign(new Error("nope"), { code: "ENOENT" })
    }
    expect(() =>
      resolveElasticsearchOptions(
        {
          node: "localhost:9200",
          apiKey: "k",
          username: "u",
          caFile: "/missing.crt",
          indexPrefix: "Shop",
          requestTimeoutMs: 0,
          bulkMaxRetries: -1,
          language: "en glish",
        },
        missing
      )
    ).toThrow(
      /node "localhost:9200" is not an http\(s\) URL.*apiKey or username\/password, not both.*username and password go together.*caFile "\/missing.crt" cannot be read \(ENOENT\).*indexPrefix must be.*language must be.*requestTimeoutMs \(ELASTICSEARCH_TIMEOUT_MS\) must be a positive whole number.*bulkMaxRetries must be a whole number/s
    )
    expect(() => resolveElasticsearchOptions(undefined)).toThrow(/node is required.*ELASTICSEARCH_URL/)
    expect(() => resolveElasticsearchOptions({ node: "https://a", caCertificate: "not a cert" })).toThrow(
      /not PEM text/
    )
  })
})
