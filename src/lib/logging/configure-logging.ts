import { logger } from "@medusajs/framework/logger"
import { chain, contextAndRedaction, jsonLine, textLine, type LogFormat } from "./log-format"

type WinstonLike = { format: LogFormat; transports: Array<{ format?: LogFormat }> }

const originalFormats = new WeakMap<WinstonLike, LogFormat>()

/**
 * Shapes every line of Medusa's logger (the one its modules, workflows and Tienda's code write to): the request and
 * workflow context added, secrets and emails redacted, then one JSON object per line (`json`, the default with the
 * production rules) or a readable line (`text`, the default for a local run). Medusa's own format still runs first
 * (its timestamp, error stacks and `%s` interpolation). LOG_LEVEL stays Medusa's.
 */
export function configureLogging(format: "json" | "text"): void {
  const winston = (logger as unknown as { loggerInstance_?: WinstonLike }).loggerInstance_
  if (!winston?.format || !Array.isArray(winston.transports)) {
    return
  }
  // Called again (another config load in the same process), it replaces its own format instead of stacking one more.
  const medusaFormat = originalFormats.get(winston) ?? winston.format
  originalFormats.set(winston, medusaFormat)
  winston.format = chain(medusaFormat, contextAndRedaction)
  for (const transport of winston.transports) {
    transport.format = format === "json" ? jsonLine : textLine
  }
}
