// Streamed text reaches the editor in batches: at most one flush per interval, plus a final one.
// Each flush is one RPC notification and one buffer edit, so a 500 tok/s stream costs the editor
// ~33 small edits a second instead of 500.

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class Coalescer {
  private pending = "";
  private timer: unknown;

  constructor(
    private readonly flushTo: (text: string) => void,
    private readonly intervalMs = 30,
    private readonly timers: Timers = realTimers,
  ) {}

  push(text: string): void {
    if (text === "") return;
    this.pending += text;
    if (this.timer === undefined) {
      this.timer = this.timers.setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.intervalMs);
    }
  }

  /** Send what is pending now (at the end of a stream, or before an error line). */
  flush(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pending === "") return;
    const text = this.pending;
    this.pending = "";
    this.flushTo(text);
  }
}
