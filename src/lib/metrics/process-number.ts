import cluster from "node:cluster"
import { settings } from "../settings"

/**
 * This process's number among the processes of one machine: TIENDA_PROCESS_NUMBER (set by `tienda start
 * --processes`, the same after a restart), else a `medusa start --cluster` fork's id, else none (a lone process).
 */
export function processNumber(): number | undefined {
  return settings().observability.processNumber ?? (cluster.isWorker && cluster.worker ? cluster.worker.id : undefined)
}
