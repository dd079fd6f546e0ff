export interface ScriptedAnswer {
  kind: 'answer';
  status: number;
  /** The provider's reason: APNs `reason`, FCM `errorCode`, a Web Push error text. */
  reason?: string;
  /** Sent as `Retry-After`: seconds, or an HTTP date. */
  retryAfter?: number | string;
}

/** Close the connection when the request arrives, without answering. */
export interface ScriptedDrop {
  kind: 'drop';
}

/** Hold the request open and never answer, as an overloaded provider might. */
export interface ScriptedStall {
  kind: 'stall';
}

export type ScriptedResponse = ScriptedAnswer | ScriptedDrop | ScriptedStall;

/**
 * A provider look-alike whose tests script what it does with its next requests instead of
 * accepting them, in order; once the script runs out, requests that pass the server's checks
 * are accepted again.
 */
export abstract class ScriptedServer {
  private readonly queue: ScriptedResponse[] = [];

  respondNext(status: number, options: { reason?: string; retryAfter?: number | string } = {}) {
    this.queue.push({ kind: 'answer', status, ...options });
  }

  dropNext() {
    this.queue.push({ kind: 'drop' });
  }

  stallNext() {
    this.queue.push({ kind: 'stall' });
  }

  protected takeScripted(): ScriptedResponse | undefined {
    return this.queue.shift();
  }
}
