import { AsyncLocalStorage } from "node:async_hooks"
import { TransactionOrchestrator } from "@medusajs/framework/orchestration"
import { runInWorkflowContext } from "../request-context"
import { metricsEnabled } from "./registry"
import { scheduledJobRuns, workflowDuration, workflowRuns, workflowStepFailures } from "./medusa-metrics"

type TraceTransaction = NonNullable<typeof TransactionOrchestrator.traceTransaction>
type TraceStep = NonNullable<typeof TransactionOrchestrator.traceStep>

/** What the steps of one workflow run tell the run around them. */
interface RunState {
  failed: boolean
}

const runs = new AsyncLocalStorage<RunState>()
let installed = false

// Medusa's job loader runs each scheduled job as a workflow named `job-<name>`.
const JOB_PREFIX = "job-"

/**
 * Runs every workflow inside its log context (workflow name, transaction id) and counts workflow runs, their duration and outcome through the orchestrator's own instrumentation hooks (the ones
 * Medusa's OpenTelemetry support uses), keeping any hook already there. A run failed when one of its steps threw or
 * a compensation ran. Medusa calls the transaction hook for workflows without async steps; runs of long-running
 * workflows are counted per resumption.
 */
export function instrumentWorkflows(): void {
  if (installed) {
    return
  }
  installed = true
  const outerTransaction = TransactionOrchestrator.traceTransaction
  const outerStep = TransactionOrchestrator.traceStep

  const traceTransaction: TraceTransaction = async (resume, metadata) => {
    const state: RunState = { failed: false }
    const started = process.hrtime.bigint()
    const run = () => (outerTransaction ? outerTransaction(resume, metadata) : resume())
    try {
      const context = { workflow: metadata.model_id, transactionId: metadata.transaction_id }
      return await runs.run(state, () => runInWorkflowContext(context, run))
    } catch (error) {
      state.failed = true
      throw error
    } finally {
      countRun(metadata.model_id, state, started)
    }
  }

  const traceStep: TraceStep = async (handler, metadata) => {
    const state = runs.getStore()
    if (metadata.type === "compensate" && state) {
      state.failed = true
    }
    try {
      return await (outerStep ? outerStep(handler, metadata) : handler())
    } catch (error) {
      if (metricsEnabled()) {
        workflowStepFailures.inc({ step: metadata.action })
      }
      if (state) {
        state.failed = true
      }
      throw error
    }
  }

  TransactionOrchestrator.traceTransaction = traceTransaction
  TransactionOrchestrator.traceStep = traceStep
}

function countRun(workflow: string, state: RunState, started: bigint): void {
  if (!metricsEnabled()) {
    return
  }
  const outcome = state.failed ? "failed" : "succeeded"
  workflowRuns.inc({ workflow, outcome })
  workflowDuration.observe({ workflow }, Number(process.hrtime.bigint() - started) / 1e9)
  if (workflow.startsWith(JOB_PREFIX)) {
    scheduledJobRuns.inc({ scheduled_job: workflow.slice(JOB_PREFIX.length), outcome })
  }
}
