import { Recorder } from './recorder';

/**
 * What the soak measures on the agent side, shared by the agents and the customers who ask for
 * one: both run in the load generator, so an agent's send time and the customer's receipt of it
 * are read from the same clock.
 */
export class HandoffStats {
  /** Asking for a person → the agent's "joined" on the customer's stream. */
  readonly joinWaits = new Recorder();
  /** The agent's send → that message on the customer's stream. */
  readonly agentReplies = new Recorder();
  /** When the agent holding each conversation sent their reply, by session id. */
  readonly replySentAt = new Map<string, number>();
  served = 0;
  /** The bot said no agent could take the customer and ended the conversation. */
  noAgent = 0;
  /** A customer waited too long for the join, the reply or the end. */
  customerTimeouts = 0;
  customerErrors = 0;
  accepted = 0;
  agentErrors = 0;
  /** Console streams that dropped and were opened again. */
  reconnects = 0;
  /** What went wrong, by kind, on either side: a report says which errors, not only how many. */
  readonly errorKinds = new Map<string, number>();

  /** Counts one failure of the customer (`customer`) or agent side inside the window. */
  fail(side: 'customer' | 'agent', kind: string) {
    if (!this.inWindow(performance.now())) return;
    if (side === 'customer') this.customerErrors++;
    else this.agentErrors++;
    const key = `${side}: ${kind}`;
    this.errorKinds.set(key, (this.errorKinds.get(key) ?? 0) + 1);
  }

  openWindow(now: number) {
    this.joinWaits.openWindow(now);
    this.agentReplies.openWindow(now);
  }

  closeWindow(now: number) {
    this.joinWaits.closeWindow(now);
    this.agentReplies.closeWindow(now);
  }

  inWindow(now: number) {
    return this.joinWaits.inWindow(now);
  }

  summary() {
    const join = this.joinWaits.summary();
    const reply = this.agentReplies.summary();
    return {
      served: this.served,
      servedPerMinute: (this.served * 60) / join.seconds,
      joinP50: join.p50,
      joinP99: join.p99,
      replyP50: reply.p50,
      replyP99: reply.p99,
      noAgent: this.noAgent,
      customerTimeouts: this.customerTimeouts,
      customerErrors: this.customerErrors,
      accepted: this.accepted,
      agentErrors: this.agentErrors,
      reconnects: this.reconnects,
      errorKinds: [...this.errorKinds].map(([kind, count]) => `${kind} (${count})`),
    };
  }
}

export type HandoffSummary = ReturnType<HandoffStats['summary']>;
