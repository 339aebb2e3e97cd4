// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per package, the top functions by self time and
// by inclusive time (the time a function was anywhere on the stack).
// Usage: node bench/profile-summary.js <file.cpuprofile> [top=25] [last=<seconds>]
// `last` keeps only the final seconds of the profile: the load, without the server's start.
const fs = require("node:fs")

const profile = JSON.parse(fs.readFileSync(process.argv[2], "utf8"))
const top = Number(process.argv[3] || 25)
const lastSeconds = Number(process.argv[4] || 0)
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const parentOf = new Map()
for (const node of profile.nodes) for (const child of node.children || []) parentOf.set(child, node.id)

function packageOf(url) {
  if (!url) return "(native/idle)"
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.replace(/.*node_modules\//, "node_modules/"))
  return match ? match[1] : url.includes("node:") || !url.startsWith("file") ? "(node internals)" : "(app)"
}
const nameOf = ({ callFrame }) =>
  `${callFrame.functionName || "(anonymous)"} ${callFrame.functionName === "(idle)" ? "(idle)" : packageOf(callFrame.url)}:${callFrame.lineNumber + 1}`

// Sample times, to keep only the last seconds.
const times = []
let clock = profile.startTime
profile.timeDeltas.forEach((delta, i) => (times[i] = clock += delta))
const from = lastSeconds > 0 ? clock - lastSeconds * 1e6 : -Infinity

const selfMs = new Map()
const inclusiveMs = new Map()
profile.samples.forEach((id, i) => {
  if (times[i] < from) return
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
  selfMs.set(id, (selfMs.get(id) || 0) + ms)
  const seen = new Set()
  for (let at = id; at !== undefined; at = parentOf.get(at)) seen.add(nameOf(byId.get(at)))
  for (const name of seen) inclusiveMs.set(name, (inclusiveMs.get(name) || 0) + ms)
})
const total = [...selfMs.values()].reduce((a, b) => a + b, 0)

const packages = new Map()
const functions = new Map()
for (const [id, ms] of selfMs) {
  const node = byId.get(id)
  const pkg = node.callFrame.functionName === "(idle)" ? "(idle)" : packageOf(node.callFrame.url)
  packages.set(pkg, (packages.get(pkg) || 0) + ms)
  functions.set(nameOf(node), (functions.get(nameOf(node)) || 0) + ms)
}
const print = (title, map) => {
  console.log(`\n${title}`)
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`)
  }
}
console.log(`total ${(total / 1000).toFixed(1)} s sampled${lastSeconds ? ` (the last ${lastSeconds} s)` : ""}`)
print("self time by package", packages)
print("self time by function", functions)
inclusiveMs.delete("(root) (native/idle):0")
print("inclusive time by function", inclusiveMs)
