import { ApiLoader } from "@medusajs/framework/http"
import { TransactionOrchestrator } from "@medusajs/framework/orchestration"
import { DEFAULT_SERVICE_NAME, tracingConfig } from "../config"
import { registerTracing } from "../register"

describe("tracingConfig", () => {
  it("is off without an OTLP endpoint", () => {
    expect(tracingConfig({})).toBeUndefined()
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "  ", OTEL_SERVICE_NAME: "shop" })).toBeUndefined()
  })

  it("is on with either endpoint variable, named tienda unless OTEL_SERVICE_NAME says otherwise", () => {
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318" })).toEqual({
      serviceName: DEFAULT_SERVICE_NAME,
    })
    expect(
      tracingConfig({
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "http://collector:4318/v1/traces",
        OTEL_SERVICE_NAME: "shop-eu",
      })
    ).toEqual({ serviceName: "shop-eu" })
  })

  it("is off when the standard OTEL_SDK_DISABLED is true", () => {
    expect(
      tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318", OTEL_SDK_DISABLED: "TRUE" })
    ).toBeUndefined()
  })
})

describe("registerTracing without an endpoint", () => {
  it("installs nothing: Medusa's tracing hooks stay empty", () => {
    delete process.env.OTEL_EXPORTER_OTLP_ENDPOINT
    delete process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
    expect(registerTracing()).toBeUndefined()
    expect(ApiLoader.traceRoute).toBeUndefined()
    expect(ApiLoader.traceMiddleware).toBeUndefined()
    expect(TransactionOrchestrator.traceTransaction).toBeUndefined()
    expect(TransactionOrchestrator.traceStep).toBeUndefined()
  })
})
