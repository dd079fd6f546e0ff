/**
 * Spreads bot turns over event-loop iterations. Node's event loop accepts one new connection
 * per iteration (libuv 1.45 and later), and a commit that answers many sends at once would
 * otherwise start all their bot turns back to back in one long iteration, so customers still
 * connecting waited seconds under load. A turn asks for a slot: up to `perIteration` start in
 * one iteration, the rest in the next ones, in order of asking.
 */
export class TurnPacer {
  private started = 0;
  private readonly waiting: (() => void)[] = [];
  private tickScheduled = false;

  constructor(private readonly perIteration: number) {}

  slot(): Promise<void> {
    this.scheduleTick();
    if (this.started < this.perIteration && this.waiting.length === 0) {
      this.started++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private scheduleTick() {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    setImmediate(this.tick);
  }

  private readonly tick = () => {
    this.tickScheduled = false;
    const release = this.waiting.splice(0, this.perIteration);
    this.started = release.length;
    for (const resolve of release) resolve();
    // A tick also marks where the next iteration begins, so its share starts from zero.
    if (this.started > 0 || this.waiting.length > 0) this.scheduleTick();
  };
}
