import { logger } from "@medusajs/framework/logger"

type Level = "debug" | "info" | "warn"

/**
 * The catalog cache's one log helper, on Medusa's logger (the one the container holds: Tienda sets no other). A
 * cache failure is never a request failure, so nothing here throws.
 */
export function logCatalogCache(level: Level, message: string, error?: unknown): void {
  const reason = error === undefined ? "" : `: ${describe(error)}`
  try {
    logger[level](`catalog cache: ${message}${reason}`)
  } catch {
    // Logging failed: nothing else to tell.
  }
}

/** An error's message, with its cause's (fetch says only "fetch failed"; why is in the cause). */
function describe(error: unknown): string {
  const message = String((error as Error)?.message ?? error)
  const cause = (error as { cause?: unknown })?.cause
  return cause === undefined ? message : `${message} (${describe(cause)})`
}
