import { Agent } from 'node:http';
import { customerScript } from './customerScript';
import { createHttpClient } from './httpClient';
import type { Recorder } from './recorder';
import { openEntryStream, type StreamEntry } from './sseStream';

export interface CustomerContext {
  index: number;
  recorder: Recorder;
  replyTimeoutMs: number;
  shouldStop: () => boolean;
  /** Called once the customer can send: conversation started and stream open. */
  ready: () => void;
  /** A pause after each reply before the next message: a steady rate instead of flat out. */
  thinkMs?: number;
}

export interface CustomerDriver {
  run(ctx: CustomerContext): Promise<void>;
  close(): void;
}

/** `at` is when the reply arrived, which can be before the send's own response is read. */
type ReplyOutcome = { kind: 'bot'; at: number } | { kind: 'timeout' };

interface Conversation {
  id: string;
  token: string;
  nextLine: () => string;
  /** Set once the bot hands the session to an agent or ends it: no more bot replies will come. */
  leftBot: boolean;
  expectReply(clientMessageId: string, timeoutMs: number): Promise<ReplyOutcome>;
  cancelReply(): void;
  close(): void;
}

/**
 * A Parley customer: starts a conversation, keeps its SSE stream open, and sends each message
 * only after the bot's reply to the previous one has arrived on the stream. Latency is send ->
 * first bot entry after the customer's own entry, as a customer would see it.
 */
export function parleyCustomers(base: string, concurrency: number): CustomerDriver {
  const http = createHttpClient(base, concurrency);
  // Streams hold their socket for the whole phase, so they get a pool of their own.
  const streamAgent = new Agent({ keepAlive: true, maxSockets: concurrency + 10 });

  async function startConversation(index: number): Promise<Conversation> {
    const res = await http.call('POST', '/api/v1/deployments/acme-app/conversations', {});
    const body = res.body as {
      conversationId: string;
      accessToken: string;
      entries: { seq: number }[];
    };
    if (res.status !== 201) throw new Error(`start answered ${res.status}`);
    const lastSeq = body.entries.at(-1)?.seq ?? 0;
    let waiting: { id: string; seenOwn: boolean; settle: (outcome: ReplyOutcome) => void } | null =
      null;
    const conversation: Conversation = {
      id: body.conversationId,
      token: body.accessToken,
      nextLine: customerScript(index),
      leftBot: false,
      expectReply(clientMessageId, timeoutMs) {
        return new Promise((resolve) => {
          const timer = setTimeout(() => settle({ kind: 'timeout' }), timeoutMs);
          const settle = (outcome: ReplyOutcome) => {
            clearTimeout(timer);
            if (waiting?.settle === settle) waiting = null;
            resolve(outcome);
          };
          waiting = { id: clientMessageId, seenOwn: false, settle };
        });
      },
      cancelReply: () => waiting?.settle({ kind: 'timeout' }),
      close: () => undefined,
    };
    const onEntry = (entry: StreamEntry) => {
      if (entry.type === 'status_changed') {
        const to = entry.payload.to;
        if (to === 'waiting' || to === 'ended') conversation.leftBot = true;
      }
      if (!waiting) return;
      // Entries arrive in seq order, so the first bot entry after our own is the reply to it.
      if (entry.clientMessageId === waiting.id) waiting.seenOwn = true;
      else if (waiting.seenOwn && entry.actor.type === 'bot')
        waiting.settle({ kind: 'bot', at: performance.now() });
    };
    const stream = await openEntryStream(
      base,
      `/api/v1/conversations/${body.conversationId}/stream?after=${lastSeq}`,
      body.accessToken,
      streamAgent,
      onEntry,
    );
    conversation.close = stream.close;
    return conversation;
  }

  return {
    async run(ctx) {
      let conversation = await startConversation(ctx.index);
      ctx.ready();
      try {
        for (let sent = 0; !ctx.shouldStop(); sent++) {
          if (conversation.leftBot) {
            conversation.close();
            conversation = await startConversation(ctx.index);
            if (ctx.recorder.inWindow(performance.now())) ctx.recorder.restarts++;
          }
          const clientMessageId = `customer-${ctx.index}-${sent}`;
          const reply = conversation.expectReply(clientMessageId, ctx.replyTimeoutMs);
          const sentAt = performance.now();
          const res = await http
            .call(
              'POST',
              `/api/v1/conversations/${conversation.id}/messages`,
              { clientMessageId, text: conversation.nextLine() },
              conversation.token,
            )
            .catch(() => null);
          if (res?.status !== 201) {
            if (ctx.recorder.inWindow(performance.now())) ctx.recorder.errors++;
            conversation.cancelReply();
            conversation.leftBot = true;
            continue;
          }
          const outcome = await reply;
          if (outcome.kind === 'bot') {
            ctx.recorder.answered(sentAt, outcome.at);
            if (ctx.thinkMs) await new Promise((resolve) => setTimeout(resolve, ctx.thinkMs));
          } else {
            if (ctx.recorder.inWindow(performance.now())) ctx.recorder.timeouts++;
            conversation.leftBot = true;
          }
        }
      } finally {
        conversation.close();
      }
    },
    close() {
      http.close();
      streamAgent.destroy();
    },
  };
}

/** A baseline customer: the same loop, where the HTTP response itself is the reply. */
export function baselineCustomers(base: string, concurrency: number): CustomerDriver {
  const http = createHttpClient(base, concurrency);
  return {
    async run(ctx) {
      const nextLine = customerScript(ctx.index);
      ctx.ready();
      for (let sent = 0; !ctx.shouldStop(); sent++) {
        const sentAt = performance.now();
        const res = await http
          .call('POST', '/messages', {
            customer: ctx.index,
            clientMessageId: `customer-${ctx.index}-${sent}`,
            text: nextLine(),
          })
          .catch(() => null);
        if (res?.status === 201) ctx.recorder.answered(sentAt, performance.now());
        else if (ctx.recorder.inWindow(performance.now())) ctx.recorder.errors++;
      }
    },
    close: () => http.close(),
  };
}
