// Progress of `wait`. On a terminal one line is redrawn in place (\r, then erase to end of line) so the bar
// grows; anywhere else (a pipe, a CI log) a line is printed only when the status or percentage changes, because
// carriage returns turn a log file into one unreadable line.

export interface ProgressUpdate {
  /** The status as the service spelt it (InProgress, Succeeded, ...). */
  status: string;
  percentComplete: number | undefined;
}

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
  columns?: number | undefined;
}

const ERASE_TO_END = "\x1b[K";
const MAX_BAR = 30;

/** `[##########..........]  50%`; an unknown percentage shows an empty bar and "  ?%". */
export function renderBar(percent: number | undefined, width = MAX_BAR): string {
  const p = percent === undefined ? 0 : Math.min(100, Math.max(0, percent));
  const filled = Math.round((p / 100) * width);
  const label = percent === undefined ? "  ?%" : `${String(Math.round(p)).padStart(3)}%`;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${label}`;
}

export function formatElapsed(ms: number): string {
  const s = ms / 1000;
  return s < 60 ? `${s.toFixed(1)}s` : `${Math.floor(s / 60)}m${String(Math.floor(s % 60)).padStart(2, "0")}s`;
}

export class ProgressReporter {
  private last: string | undefined;
  private lastUpdate: ProgressUpdate | undefined;
  private drawn = false;
  private holding: string | undefined;
  private readonly started: number;

  constructor(
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  get interactive(): boolean {
    return this.stream.isTTY === true;
  }

  update(u: ProgressUpdate): void {
    const percent = u.percentComplete === undefined ? "" : ` ${Math.round(u.percentComplete)}%`;
    const key = `${u.status}${percent}`;
    this.lastUpdate = u;
    if (this.interactive) this.draw(u);
    else if (key !== this.last) {
      this.stream.write(`${formatElapsed(this.now() - this.started).padStart(6)}  ${key}\n`);
    }
    this.last = key;
  }

  /**
   * Says that reads are being held back (`text`), or that they no longer are (`undefined`). On a terminal it is
   * drawn beside the bar, with its countdown, until the hold ends; elsewhere it is one line when a hold begins.
   */
  hold(text: string | undefined): void {
    const began = text !== undefined && this.holding === undefined;
    const changed = text !== this.holding;
    this.holding = text;
    if (this.interactive) {
      if (changed) this.draw(this.lastUpdate ?? { status: "waiting", percentComplete: undefined });
    } else if (began) {
      this.stream.write(`${text}\n`);
    }
  }

  /**
   * A line of its own between progress updates (a retry, a pause): on a terminal it replaces the bar, which the
   * next update draws again below it.
   */
  note(line: string): void {
    this.stream.write(this.drawn ? `\r${line}${ERASE_TO_END}\n` : `${line}\n`);
    this.drawn = false;
  }

  private draw(u: ProgressUpdate): void {
    // Redrawn on every update (the clock moves even when the percentage does not). Narrow terminals get a shorter
    // bar; a pty may report 0 columns, which means unknown.
    const width = Math.max(10, Math.min(MAX_BAR, (this.stream.columns || 80) - 40));
    const elapsed = formatElapsed(this.now() - this.started);
    const held = this.holding === undefined ? "" : `  (${this.holding})`;
    this.stream.write(`\r${renderBar(u.percentComplete, width)}  ${u.status}  ${elapsed}${held}${ERASE_TO_END}`);
    this.drawn = true;
  }

  /** Ends the bar's line so what follows starts on a fresh one. */
  finish(): void {
    if (this.drawn) this.stream.write("\n");
    this.drawn = false;
  }
}
