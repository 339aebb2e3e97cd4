import { metricsRegistry } from "./registry"

type Refresh = () => void

const refreshers = new Set<Refresh>()

/** Registers a reading taken at each scrape (gauges of things that are cheaper to read than to track). */
export function onScrape(refresh: Refresh): () => void {
  refreshers.add(refresh)
  return () => refreshers.delete(refresh)
}

/** This process's metrics in Prometheus' text format, gauges read now. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  for (const refresh of refreshers) {
    try {
      refresh()
    } catch {
      // A reading that fails (a pool closed at shutdown) leaves its gauge at the last value.
    }
  }
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() }
}
