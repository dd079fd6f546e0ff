import { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HandoffStats } from './handoffStats';
import { createHttpClient } from './httpClient';
import { openEntryStream, type StreamEntry } from './sseStream';

/** The demo bot sends the first to Orders (Alice's queue) and the second to Accounts (Bob's). */
const ASKS = ['I need to talk to a person about my order A1001', 'I need to talk to a person'];
const WAIT_FOR_AGENT_MS = 120_000;
const WAIT_FOR_REPLY_MS = 60_000;

export interface HandoffCustomerContext {
  index: number;
  stats: HandoffStats;
  shouldStop: () => boolean;
  /** Settles when the run ends: a wait in progress gives up then. */
  stopped: Promise<void>;
  /** A pause before answering the agent and before the next conversation. */
  thinkMs: number;
}

interface Arrival {
  entry: StreamEntry;
  at: number;
}

/**
 * What one conversation's stream has delivered, and a way to wait for the first entry that
 * matches: entries can arrive before the customer starts waiting (the agent may join before the
 * send's own response is read), so every wait looks at what came before too.
 */
function entryLog() {
  const arrivals: Arrival[] = [];
  const waiting = new Set<{ match: (entry: StreamEntry) => boolean; done: (a: Arrival) => void }>();
  return {
    add(entry: StreamEntry) {
      const arrival = { entry, at: performance.now() };
      arrivals.push(arrival);
      for (const waiter of waiting) if (waiter.match(entry)) waiter.done(arrival);
    },
    waitFor(match: (entry: StreamEntry) => boolean, timeoutMs: number): Promise<Arrival | null> {
      const seen = arrivals.find((arrival) => match(arrival.entry));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const waiter = {
          match,
          done: (arrival: Arrival | null) => {
            clearTimeout(timer);
            waiting.delete(waiter);
            resolve(arrival);
          },
        };
        // The run's end gives up on waits; a timer left behind must not hold the process open.
        const timer = setTimeout(() => waiter.done(null), timeoutMs).unref();
        waiting.add(waiter);
      });
    },
  };
}

const agentJoined = (entry: StreamEntry) =>
  entry.type === 'participant_changed' &&
  entry.payload.change === 'joined' &&
  (entry.payload.participant as { type?: string } | undefined)?.type === 'agent';
const ended = (entry: StreamEntry) =>
  entry.type === 'status_changed' && entry.payload.to === 'ended';

/**
 * Customers who ask the bot for a person, over and over: each waits on its stream for the agent
 * to join and reply, answers, waits for the end (the rating request), then starts a new
 * conversation. The agents are driven by `runAgent`.
 */
export function handoffCustomers(base: string, concurrency: number) {
  const http = createHttpClient(base, concurrency);
  const streamAgent = new Agent({ keepAlive: true, maxSockets: concurrency + 10 });

  async function converse(ctx: HandoffCustomerContext, round: number) {
    const { stats } = ctx;
    const count = (field: 'noAgent' | 'customerTimeouts' | 'served') => {
      if (stats.inWindow(performance.now())) stats[field]++;
    };
    const started = await http.call('POST', '/api/v1/deployments/acme-app/conversations', {});
    if (started.status !== 201) return stats.fail('customer', `start answered ${started.status}`);
    const { conversationId, accessToken, entries } = started.body as {
      conversationId: string;
      accessToken: string;
      entries: { seq: number }[];
    };
    const log = entryLog();
    const waitFor = (match: (entry: StreamEntry) => boolean, timeoutMs: number) =>
      Promise.race([log.waitFor(match, timeoutMs), ctx.stopped.then(() => null)]);
    const stream = await openEntryStream(
      base,
      `/api/v1/conversations/${conversationId}/stream?after=${entries.at(-1)?.seq ?? 0}`,
      accessToken,
      streamAgent,
      log.add,
    );
    /** Sends one line; false, with the failure counted, when it was not stored. */
    const say = async (step: string, text: string) => {
      const res = await http
        .call(
          'POST',
          `/api/v1/conversations/${conversationId}/messages`,
          { clientMessageId: `handoff-${ctx.index}-${round}-${step}`, text },
          accessToken,
        )
        .catch((error: Error) => error);
      if (!(res instanceof Error) && res.status === 201) return true;
      const why =
        res instanceof Error
          ? res.message
          : `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
      stats.fail('customer', `sending "${step}" failed: ${why}`);
      return false;
    };
    try {
      const askedAt = performance.now();
      if (!(await say('ask', ASKS[(ctx.index + round) % ASKS.length] as string))) return;
      const joined = await waitFor(
        (entry) => agentJoined(entry) || ended(entry),
        WAIT_FOR_AGENT_MS,
      );
      if (!joined) return count('customerTimeouts');
      if (ended(joined.entry)) return count('noAgent');
      stats.joinWaits.answered(askedAt, joined.at);

      const reply = await waitFor(
        (entry) => entry.actor.type === 'agent' && entry.type === 'text',
        WAIT_FOR_REPLY_MS,
      );
      if (!reply) return count('customerTimeouts');
      const sentAt = stats.replySentAt.get(conversationId);
      if (sentAt !== undefined) stats.agentReplies.answered(sentAt, reply.at);

      await sleep(ctx.thinkMs);
      if (!(await say('thanks', "Thanks, that's all I needed."))) return;
      const end = await waitFor((entry) => entry.type === 'csat_request', WAIT_FOR_REPLY_MS);
      count(end ? 'served' : 'customerTimeouts');
    } finally {
      stream.close();
    }
  }

  return {
    async run(ctx: HandoffCustomerContext) {
      for (let round = 0; !ctx.shouldStop(); round++) {
        await converse(ctx, round).catch((error: Error) =>
          ctx.stats.fail('customer', error.message),
        );
        await sleep(ctx.thinkMs);
      }
    },
    close() {
      http.close();
      streamAgent.destroy();
    },
  };
}
