/** Counts the messages answered inside the measurement window and keeps their latencies. */
export class Recorder {
  private windowStart = Number.POSITIVE_INFINITY;
  private windowEnd = Number.POSITIVE_INFINITY;
  private readonly latencies: number[] = [];
  errors = 0;
  timeouts = 0;
  restarts = 0;

  openWindow(now: number) {
    this.windowStart = now;
  }

  closeWindow(now: number) {
    this.windowEnd = now;
  }

  /** A message counts when its reply arrives inside the window, like a throughput counter would. */
  answered(sentAt: number, repliedAt: number) {
    if (repliedAt >= this.windowStart && repliedAt <= this.windowEnd) {
      this.latencies.push(repliedAt - sentAt);
    }
  }

  /** Messages answered inside the window so far. */
  get answeredCount() {
    return this.latencies.length;
  }

  inWindow(now: number) {
    return now >= this.windowStart && now <= this.windowEnd;
  }

  summary() {
    const sorted = Float64Array.from(this.latencies).sort();
    const seconds = (this.windowEnd - this.windowStart) / 1000;
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      seconds,
      messages: sorted.length,
      perSecond: sorted.length / seconds,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      max: sorted[sorted.length - 1] ?? 0,
      errors: this.errors,
      timeouts: this.timeouts,
      restarts: this.restarts,
    };
  }
}

export type PhaseSummary = ReturnType<Recorder['summary']>;
