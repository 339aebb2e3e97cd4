import { AsyncLocalStorage } from "node:async_hooks"

/** What every log line, span and metric recorded while serving one request may say about it. */
export interface RequestContext {
  /** The id answered in `X-Request-Id` and logged with every line of the request. */
  requestId: string
  method: string
  /** The path without its query string (a query may carry tokens or emails). */
  path: string
}

const storage = new AsyncLocalStorage<RequestContext>()

/** Runs `work` (and every async continuation it starts) inside the request's context. */
export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work)
}

/** The context of the request being served, or undefined outside a request (jobs, subscribers on a worker, boot). */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore()
}
