// The machine a run was made on, printed under the table and stored in the JSON: figures mean little without it.
import { readFileSync } from "node:fs";
import os from "node:os";

export function machine() {
  let cpu = os.cpus()[0]?.model ?? "unknown";
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1] ?? cpu;
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return {
    cpu,
    nproc: os.availableParallelism(),
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    // Other work on the machine skews every figure; the 1-minute load average says how busy it was.
    loadAvg1m: Number(os.loadavg()[0].toFixed(2)),
  };
}
