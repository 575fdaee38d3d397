import type { ArmErrorDetail } from "../custom/errors/armErrorDetail.js";
import type { OperationStatusResult } from "../custom/poller/status.js";

// Human output of an OperationStatusResult: aligned label/value lines, the nested steps one per line, and the
// error narrowed to what a person acts on (code, target, message, then the detail codes).

export function formatOperationResult(result: OperationStatusResult): string {
  const lines: string[] = [];
  const row = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== "") lines.push(`${label.padEnd(10)} ${value}`);
  };
  row("Operation", result.name ?? result.id);
  row("Status", result.percentComplete === undefined ? result.status : `${result.status} (${result.percentComplete}%)`);
  row("Started", result.startTime);
  row("Ended", result.endTime);
  for (const [i, step] of (result.operations ?? []).entries()) {
    const percent = step.percentComplete === undefined ? "" : ` ${step.percentComplete}%`;
    row(i === 0 ? "Steps" : "", `${step.name ?? "(unnamed)"}: ${step.status}${percent}`);
  }
  if (result.error) lines.push(...formatArmError(result.error));
  return lines.join("\n");
}

/** `Error      CODE (target: x)` then the message and one line per detail. */
export function formatArmError(error: ArmErrorDetail, label = "Error"): string[] {
  const target = error.target ? ` (target: ${error.target})` : "";
  const lines = [`${label.padEnd(10)} ${error.code ?? "(no code)"}${target}`];
  if (error.message) lines.push(`${"".padEnd(10)} ${error.message}`);
  for (const detail of error.details ?? []) {
    lines.push(`${"".padEnd(10)} - ${detail.code ?? "(no code)"}: ${detail.message ?? ""}`.trimEnd());
  }
  return lines;
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
