// Load generator for one read scenario, run as its own process: `node bench/load.js <spec.json>`.
// The spec lists the requests to draw from at random; prints one JSON line with the measurements.
const fs = require("node:fs")
const autocannon = require("autocannon")
const { summarize } = require("./stats")

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8"))
const latencies = []
const statuses = {}

const instance = autocannon(
  {
    url: spec.baseUrl,
    connections: spec.connections,
    duration: spec.duration,
    // Requests per second over all connections, when the scenario sets one (otherwise as fast as answers come).
    overallRate: spec.rate,
    timeout: 30,
    headers: spec.headers,
    requests: [
      {
        setupRequest: (req) => {
          const pick = spec.requests[Math.floor(Math.random() * spec.requests.length)]
          return {
            ...req,
            method: pick.method || "GET",
            path: pick.path,
            body: pick.body ? JSON.stringify(pick.body) : undefined,
          }
        },
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error(error)
      process.exit(1)
    }
    const ok = statuses["2xx"] || 0
    const total = Object.values(statuses).reduce((a, b) => a + b, 0)
    const failed = total - ok + result.errors + result.timeouts
    console.log(
      JSON.stringify({
        requests: total,
        rps: Math.round((total / spec.duration) * 10) / 10,
        okRps: Math.round((ok / spec.duration) * 10) / 10,
        ...summarize(latencies),
        errors: failed,
        statuses: { ...statuses, socketErrors: result.errors, timeouts: result.timeouts },
      })
    )
  }
)
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime)
  const bucket = `${Math.floor(statusCode / 100)}xx`
  statuses[bucket] = (statuses[bucket] || 0) + 1
})
