export const DEFAULT_SERVICE_NAME = "tienda"

export interface TracingConfig {
  serviceName: string
}

/**
 * Tracing is on when an OTLP endpoint is set (`OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT`,
 * the standard variables the exporter itself reads) and the standard `OTEL_SDK_DISABLED` is not `true`; otherwise
 * undefined, and nothing is installed.
 */
export function tracingConfig(env: NodeJS.ProcessEnv = process.env): TracingConfig | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()
  if (!endpoint || env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") {
    return undefined
  }
  return { serviceName: env.OTEL_SERVICE_NAME?.trim() || DEFAULT_SERVICE_NAME }
}
