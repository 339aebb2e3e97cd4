import {
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
} from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { runInRequestContext } from "../../request-context"
import { REQUEST_ID_ATTRIBUTE, RequestIdSpanProcessor } from "../request-id-processor"

describe("RequestIdSpanProcessor", () => {
  const exported = new InMemorySpanExporter()
  const provider = new NodeTracerProvider({
    spanProcessors: [new RequestIdSpanProcessor(), new SimpleSpanProcessor(exported)],
  })
  const tracer = provider.getTracer("@medusajs/framework/workflows-sdk")
  const attributeOf = (name: string) =>
    exported.getFinishedSpans().find((span) => span.name === name)?.attributes[REQUEST_ID_ATTRIBUTE]

  afterAll(() => provider.shutdown())

  it("names the request on spans started inside its context, and only there", async () => {
    const context = (requestId: string) => ({ requestId, method: "POST", path: "/store/carts" })
    await Promise.all([
      runInRequestContext(context("req-1"), async () => {
        await new Promise((resolve) => setTimeout(resolve, 5))
        tracer.startSpan("workflow:create-carts").end()
      }),
      runInRequestContext(context("req-2"), async () => tracer.startSpan("workflow:update-cart").end()),
    ])
    tracer.startSpan("workflow:scheduled-job").end()
    expect(attributeOf("workflow:create-carts")).toBe("req-1")
    expect(attributeOf("workflow:update-cart")).toBe("req-2")
    expect(attributeOf("workflow:scheduled-job")).toBeUndefined()
  })
})
