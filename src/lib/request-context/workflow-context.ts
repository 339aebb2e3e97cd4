import { AsyncLocalStorage } from "node:async_hooks"

/** The workflow run a log line was written in: Medusa's workflow name and its transaction id. */
export interface WorkflowContext {
  workflow: string
  transactionId: string
}

const storage = new AsyncLocalStorage<WorkflowContext>()

export function runInWorkflowContext<T>(context: WorkflowContext, work: () => T): T {
  return storage.run(context, work)
}

export function currentWorkflowContext(): WorkflowContext | undefined {
  return storage.getStore()
}
