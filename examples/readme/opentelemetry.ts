// The tracing setup of the README's "Tracing" section: a module loaded before the app (`node --import`), so that
// the instrumentation hooks @azure/core-tracing before anything imports it. test/readme/opentelemetry.test.ts
// loads this file so in a child Node process and reads the spans from `exporter`.
// snippet-start
import { register } from "node:module";
import { createAzureSdkInstrumentation } from "@azure/opentelemetry-instrumentation-azure-sdk";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";

// ES modules only: the loader hook through which the instrumentation patches @azure/core-tracing (CommonJS needs none).
register("@opentelemetry/instrumentation/hook.mjs", import.meta.url);

// In an app: an OTLP exporter (@opentelemetry/exporter-trace-otlp-http) behind a BatchSpanProcessor.
export const exporter = new InMemorySpanExporter();
new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
registerInstrumentations({ instrumentations: [createAzureSdkInstrumentation()] });
// snippet-end
