/**
 * Whether this process is stopping. From SIGTERM on, readiness answers 503 (so a load balancer stops sending work
 * here) and answers say `Connection: close` (so keep-alive clients open their next connection elsewhere) while the
 * requests in flight finish.
 */
let drainingSince: number | undefined

export function startDraining(): void {
  drainingSince ??= Date.now()
}

export function isDraining(): boolean {
  return drainingSince !== undefined
}

/** Tests only: back to serving. */
export function stopDrainingForTests(): void {
  drainingSince = undefined
}
