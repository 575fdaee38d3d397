// What the tracing suites share: the recording instrumenter's lifecycle for a file, and readers of its spans.
import { createTracingClient } from "@azure/core-tracing";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import type { RecordedRequest } from "../../src/testing/index.js";
import { installRecordingInstrumenter, type RecordedSpan, type Recorder } from "../helpers/recordingInstrumenter.js";

/** Installs the recorder before the file's tests, clears it before each, and restores core-tracing after. */
export function useRecorder(options?: { activeContext?: boolean }): () => Recorder {
  let recorder: Recorder | undefined;
  beforeAll(() => {
    recorder = installRecordingInstrumenter(options);
  });
  beforeEach(() => recorder?.clear());
  afterAll(() => recorder?.restore());
  return () => recorder!;
}

/** The one span called `name`; fails the test when there is none or more than one. */
export function onlySpan(recorder: Recorder, name: string): RecordedSpan {
  const found = recorder.spans.filter((s) => s.name === name);
  expect(found.map((s) => s.name), `spans: ${recorder.spans.map((s) => s.name).join(", ")}`).toEqual([name]);
  return found[0]!;
}

/** The spans of this package (not core's HTTP spans, not the test's own). */
export function ourSpans(recorder: Recorder): RecordedSpan[] {
  return recorder.spans.filter((s) => s.packageName === "arm-security-devops");
}

/**
 * For each request the mock received, the span its traceparent header names (the pipeline's HTTP span that sent
 * it) — so spans are matched to what really went over the wire, not counted apart.
 */
export function senders(recorder: Recorder, requests: readonly RecordedRequest[]): Array<RecordedSpan | undefined> {
  return requests.map((r) => recorder.spanOfTraceparent(r.headers["traceparent"]));
}

/** The application's own tracing client: its spans stand for the caller's, to parent ours on or to start inside ours. */
export const app = createTracingClient({ namespace: "Contoso.App", packageName: "contoso-app" });
