import type { Socket } from "node:net";

/**
 * Everything that could keep a process alive after close(): open sockets and pending delays. close() destroys
 * the sockets (stalled ones included) and settles every wait at once, so a test process exits on its own.
 */
export class Lifecycle {
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private closedFlag = false;
  private resolveClosed!: () => void;
  /** Settles when close() begins. */
  readonly closed = new Promise<void>((resolve) => (this.resolveClosed = resolve));

  get isClosed(): boolean {
    return this.closedFlag;
  }

  track(socket: Socket): void {
    if (this.closedFlag) return void socket.destroy();
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
  }

  /** Waits `ms`, or less if close() comes first; resolves true if the full time passed. */
  delay(ms: number): Promise<boolean> {
    if (this.closedFlag) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          resolve(true);
        },
        Math.max(0, ms),
      );
      this.timers.set(timer, () => resolve(false));
    });
  }

  shutdown(): void {
    this.closedFlag = true;
    this.resolveClosed();
    for (const [timer, cancel] of this.timers) {
      clearTimeout(timer);
      cancel();
    }
    this.timers.clear();
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
