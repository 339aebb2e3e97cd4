export { configureLogging } from "./configure-logging"
export { redact, redactFields } from "./redact"
