import { currentRequestContext, currentWorkflowContext } from "../request-context"
import { redactFields } from "./redact"

/** A winston log record: level, message and any fields; the rendered line sits under triple-beam's MESSAGE symbol. */
export type LogRecord = Record<string | symbol, unknown> & { level: string; message?: unknown }

/** The shape of a winston/logform format, without depending on either package. */
export interface LogFormat {
  transform(record: LogRecord, options?: unknown): LogRecord | false
}

export const MESSAGE = Symbol.for("message")

/**
 * Adds what ties a line to its request and workflow (request_id, method, path; workflow, transaction_id) from the
 * async context the line is written in, and redacts credentials and emails from every string field.
 */
export const contextAndRedaction: LogFormat = {
  transform(record) {
    const request = currentRequestContext()
    const workflow = currentWorkflowContext()
    const enriched: LogRecord = {
      ...record,
      ...(request ? { request_id: request.requestId, method: request.method, path: request.path } : {}),
      ...(workflow ? { workflow: workflow.workflow, transaction_id: workflow.transactionId } : {}),
    }
    return redactFields(enriched)
  },
}

/** One JSON object per line, for ELK, Loki and the like (`time` in ISO 8601). */
export const jsonLine: LogFormat = {
  transform(record) {
    // Medusa's own timestamp ("YYYY-MM-DD HH:mm:ss", no zone) gives way to `time`.
    const { level, message, timestamp: _medusaTime, ...fields } = plain(record)
    record[MESSAGE] = JSON.stringify({ time: new Date().toISOString(), level, message, ...fields })
    return record
  },
}

/** `12:00:01 info  [req 1a2b…] message`: for a developer's terminal. */
export const textLine: LogFormat = {
  transform(record) {
    const time = new Date().toISOString().slice(11, 19)
    const id = typeof record.request_id === "string" ? ` [req ${record.request_id.slice(0, 8)}]` : ""
    const workflow = typeof record.workflow === "string" ? ` [${record.workflow}]` : ""
    const stack = typeof record.stack === "string" ? `\n${record.stack}` : ""
    record[MESSAGE] = `${time} ${record.level.padEnd(5)}${id}${workflow} ${messageText(record.message)}${stack}`
    return record
  },
}

function messageText(message: unknown): string {
  return typeof message === "string" ? message : message === undefined ? "" : JSON.stringify(message)
}

/** The string-keyed fields only (winston keeps its bookkeeping under symbols). */
function plain(fields: Record<string | symbol, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields))
}

/** Several formats in a row, as logform's `combine` does: a format that returns false drops the line. */
export function chain(...formats: LogFormat[]): LogFormat {
  return {
    transform(record, options) {
      let current: LogRecord | false = record
      for (const format of formats) {
        if (current === false) {
          return false
        }
        current = format.transform(current, (format as { options?: unknown }).options ?? options)
      }
      return current
    },
  }
}
