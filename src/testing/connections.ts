import type { Socket } from "node:net";

/** Connections to the mock: open now, the most open at once since start or reset(), and opened since then. */
export interface ConnectionStats {
  open: number;
  peak: number;
  opened: number;
}

/**
 * Counts the server's TCP connections (TLS ones included, counted when the TCP connection arrives), so benchmarks can
 * report how many sockets a client keeps open at once — the figure a bounded socket pool is judged by.
 */
export class ConnectionCounter {
  private open = 0;
  private peak = 0;
  private opened = 0;

  track(socket: Socket): void {
    this.open += 1;
    this.opened += 1;
    this.peak = Math.max(this.peak, this.open);
    socket.once("close", () => (this.open -= 1));
  }

  stats(): ConnectionStats {
    return { open: this.open, peak: this.peak, opened: this.opened };
  }

  /** A new measuring period: the peak starts from the connections open now. */
  restart(): void {
    this.peak = this.open;
    this.opened = 0;
  }
}
