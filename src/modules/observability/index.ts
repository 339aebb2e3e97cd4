import { Module } from "@medusajs/framework/utils"
import ObservabilityModuleService from "./service"
import instrumentProcess from "./loaders/instrument-process"

export const OBSERVABILITY_MODULE = "observability"

/**
 * Metrics and drain for every process (server, worker, the test runner's apps): its loader runs while Medusa loads
 * modules, before subscribers and routes register. See src/lib/metrics/README.md.
 */
export default Module(OBSERVABILITY_MODULE, { service: ObservabilityModuleService, loaders: [instrumentProcess] })
