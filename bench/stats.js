// Percentiles and summaries shared by the two load generators.
function percentile(sorted, p) {
  if (!sorted.length) return null
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function summarize(latencies) {
  const sorted = Float64Array.from(latencies).sort()
  const round = (v) => (v === null ? null : Math.round(v * 10) / 10)
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)) }
}

module.exports = { summarize }
