// A core-tracing Instrumenter that records every span, for the tracing suites (test/tracing, via spans.ts). It plays
// what @azure/opentelemetry-instrumentation-azure-sdk plays in an app: spans get ids and a parent (from the
// context they are started with, else the active one), `withContext` makes a context active across awaits
// (AsyncLocalStorage, as OpenTelemetry's Node context manager), and `createRequestHeaders` writes a W3C
// traceparent, so a request the mock recorded can be matched to the HTTP span that sent it. With
// `activeContext: false` it keeps no active context, as OpenTelemetry in a browser without a context manager: a
// span's parent is then only what its caller passed explicitly.
import { AsyncLocalStorage } from "node:async_hooks";
import {
  useInstrumenter,
  type Instrumenter,
  type InstrumenterSpanOptions,
  type SpanStatus,
  type TracingContext,
  type TracingSpan,
  type TracingSpanKind,
} from "@azure/core-tracing";

/** One span as the code under test made it. */
export interface RecordedSpan {
  readonly name: string;
  /** 16 hex digits, as in a traceparent header. */
  readonly spanId: string;
  readonly traceId: string;
  /** The span it was started under; undefined for a root span. */
  readonly parentId: string | undefined;
  readonly kind: TracingSpanKind | undefined;
  /** The package that started it: "arm-security-devops", "@azure/core-rest-pipeline" for HTTP spans, … */
  readonly packageName: string;
  readonly attributes: Record<string, unknown>;
  /** The last status set; undefined while unset. */
  status: SpanStatus | undefined;
  /** Every exception recorded, setStatus's error included. */
  readonly exceptions: Array<Error | string>;
  /** How many times end() was called: 1 for a well-behaved span. */
  ends: number;
}

const SPAN = Symbol("recorded span");

/** An immutable context bag, as core-tracing's and OpenTelemetry's are. */
class Context implements TracingContext {
  constructor(private readonly values: ReadonlyMap<symbol, unknown> = new Map()) {}
  setValue(key: symbol, value: unknown): TracingContext {
    return new Context(new Map(this.values).set(key, value));
  }
  getValue(key: symbol): unknown {
    return this.values.get(key);
  }
  deleteValue(key: symbol): TracingContext {
    const values = new Map(this.values);
    values.delete(key);
    return new Context(values);
  }
}

let nextId = 1;
const hex = (n: number, digits: number) => n.toString(16).padStart(digits, "0");

/** Records spans into `spans`; the active context lives in `active`. */
class RecordingInstrumenter implements Instrumenter {
  readonly spans: RecordedSpan[] = [];
  private readonly active = new AsyncLocalStorage<TracingContext>();
  constructor(private readonly keepsActiveContext: boolean) {}

  startSpan(name: string, options: InstrumenterSpanOptions): { span: TracingSpan; tracingContext: TracingContext } {
    const context = options.tracingContext ?? this.active.getStore() ?? new Context();
    const parent = context.getValue(SPAN) as RecordedSpan | undefined;
    const record: RecordedSpan = {
      name,
      spanId: hex(nextId++, 16),
      traceId: parent?.traceId ?? hex(nextId++, 32),
      parentId: parent?.spanId,
      kind: options.spanKind,
      packageName: options.packageName,
      attributes: { ...options.spanAttributes },
      status: undefined,
      exceptions: [],
      ends: 0,
    };
    this.spans.push(record);
    const span: TracingSpan = {
      setStatus(status) {
        record.status = status;
        if (status.status === "error" && status.error !== undefined) record.exceptions.push(status.error);
      },
      setAttribute(attribute, value) {
        record.attributes[attribute] = value;
      },
      end() {
        record.ends += 1;
      },
      recordException(exception) {
        record.exceptions.push(exception);
      },
      isRecording: () => true,
    };
    return { span, tracingContext: context.setValue(SPAN, record) };
  }

  withContext<A extends unknown[], C extends (...args: A) => ReturnType<C>>(context: TracingContext, callback: C, ...args: A): ReturnType<C> {
    return this.keepsActiveContext ? this.active.run(context, () => callback(...args)) : callback(...args);
  }

  parseTraceparentHeader(header: string): TracingContext | undefined {
    const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/.exec(header) ?? [];
    if (!traceId || !spanId) return undefined;
    return new Context().setValue(SPAN, this.spans.find((s) => s.spanId === spanId && s.traceId === traceId));
  }

  createRequestHeaders(context?: TracingContext): Record<string, string> {
    const span = (context ?? this.active.getStore())?.getValue(SPAN) as RecordedSpan | undefined;
    return span ? { traceparent: `00-${span.traceId}-${span.spanId}-01` } : {};
  }
}

/** What `installRecordingInstrumenter` hands the suite. */
export interface Recorder {
  /** Every span started since install or the last clear(), in start order. */
  readonly spans: RecordedSpan[];
  clear(): void;
  /** The span whose id a request's traceparent header names (the HTTP span that sent it). */
  spanOfTraceparent(traceparent: string | undefined): RecordedSpan | undefined;
  /** The spans started under `span`, in start order. */
  childrenOf(span: RecordedSpan): RecordedSpan[];
  /** Puts back a no-op instrumenter (core-tracing has no getter for the one before; its default is a no-op). */
  restore(): void;
}

/** Installs a recording instrumenter with core-tracing's useInstrumenter; call restore() after the tests. */
export function installRecordingInstrumenter({ activeContext = true }: { activeContext?: boolean } = {}): Recorder {
  const instrumenter = new RecordingInstrumenter(activeContext);
  useInstrumenter(instrumenter);
  return {
    spans: instrumenter.spans,
    clear: () => void instrumenter.spans.splice(0),
    spanOfTraceparent: (traceparent) => {
      const spanId = traceparent?.split("-")[2];
      return instrumenter.spans.find((s) => s.spanId === spanId);
    },
    childrenOf: (span) => instrumenter.spans.filter((s) => s.parentId === span.spanId),
    restore: () => useInstrumenter(noopInstrumenter),
  };
}

// What core-tracing uses before useInstrumenter is called: spans that record nothing, contexts passed through.
const noopSpan: TracingSpan = {
  setStatus: () => {},
  setAttribute: () => {},
  end: () => {},
  recordException: () => {},
  isRecording: () => false,
};
const noopInstrumenter: Instrumenter = {
  startSpan: (_name, options) => ({ span: noopSpan, tracingContext: options.tracingContext ?? new Context() }),
  withContext: (_context, callback, ...args) => callback(...args),
  parseTraceparentHeader: () => undefined,
  createRequestHeaders: () => ({}),
};
