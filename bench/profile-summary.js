// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per package and the top functions.
// Usage: node bench/profile-summary.js <file.cpuprofile> [top=25]
const fs = require("node:fs")

const profile = JSON.parse(fs.readFileSync(process.argv[2], "utf8"))
const top = Number(process.argv[3] || 25)
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const selfMs = new Map()
const deltas = profile.timeDeltas
profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) || 0) + (deltas[i] || 0) / 1000))
const total = [...selfMs.values()].reduce((a, b) => a + b, 0)

function packageOf(url) {
  if (!url) return "(native/idle)"
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url.replace(/.*node_modules\//, "node_modules/"))
  return match ? match[1] : url.includes("node:") || !url.startsWith("file") ? "(node internals)" : "(app)"
}

const packages = new Map()
const functions = new Map()
for (const [id, ms] of selfMs) {
  const { callFrame } = byId.get(id)
  const pkg = callFrame.functionName === "(idle)" ? "(idle)" : packageOf(callFrame.url)
  packages.set(pkg, (packages.get(pkg) || 0) + ms)
  const name = `${callFrame.functionName || "(anonymous)"} ${pkg}:${callFrame.lineNumber + 1}`
  functions.set(name, (functions.get(name) || 0) + ms)
}
const print = (title, map) => {
  console.log(`\n${title}`)
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((100 * ms) / total).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(7)} ms  ${name}`)
  }
}
console.log(`total ${(total / 1000).toFixed(1)} s sampled`)
print("self time by package", packages)
print("self time by function", functions)
