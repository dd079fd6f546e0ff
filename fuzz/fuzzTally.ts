/** What a fuzz run saw, counted for its report. */
export class FuzzTally {
  private readonly byStatus = new Map<number, number>();
  private readonly byOperation = new Map<string, number>();
  readonly failures: string[] = [];
  sent = 0;

  record(operation: string, status: number) {
    this.sent += 1;
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
  }

  fail(why: string, request: string) {
    this.failures.push(`${why}: ${request}`);
  }

  report(seconds: number): string {
    const statuses = [...this.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status === 0 ? 'no answer' : status}: ${count}`)
      .join(', ');
    const operations = [...this.byOperation.entries()]
      .map(([operation, count]) => `  ${count.toString().padStart(6)}  ${operation}`)
      .join('\n');
    return [
      `${this.sent} requests in ${seconds.toFixed(1)} s; failures: ${this.failures.length}`,
      `answers by status: ${statuses}`,
      operations,
      ...this.failures.slice(0, 20).map((failure) => `  FAIL ${failure}`),
    ].join('\n');
  }
}
