import type { JsonValue } from '@/bot-runtime/flow/json';
import type { StartResult } from '@/sdk/createParleyClient';
import { newClientMessageId } from '@/sdk/newClientMessageId';
import type {
  ConnectionStatus,
  Entry,
  MessageInput,
  OutboxMessage,
  OutgoingMessage,
  ParleyError,
  ReadEvent,
  TypingEvent,
} from '@/sdk/types';
import type { ChatPort } from '@/sdk/widget/ChatView';
import type { PreviewInput, PreviewState } from '@/server/bots/botSchemas';
import type { PreviewTurn } from '@/server/bots/previewTurn';

/** Runs one preview turn on the server, on the document as it is at that moment. */
/** One step of a replayed test case: what the customer sent, or routing's or an agent's part. */
export type PreviewReplayStep = MessageInput | { rehearse: 'noAgent' | 'returned' };

export type PreviewTurnCall = (
  state: PreviewState | null,
  input: PreviewInput,
) => Promise<PreviewTurn>;

export type PreviewEvent =
  | { kind: 'turn'; input: PreviewInput; turn: PreviewTurn }
  | { kind: 'failure'; input: PreviewInput; error: unknown };

/**
 * The widget's chat view talking to a preview instead of a real conversation: each message
 * becomes one stateless `previewTurn` call carrying the conversation state, and the turn's
 * entries come back to the view the way a live stream would deliver them.
 */
export class PreviewChatPort implements ChatPort {
  private state: PreviewState | null = null;
  private readonly entries: Entry[] = [];
  private pending: OutboxMessage[] = [];
  private turns: Promise<void> = Promise.resolve();
  private started = false;
  private closed = false;
  private readonly entryListeners = new Set<(entry: Entry) => void>();
  private readonly typingListeners = new Set<(event: TypingEvent) => void>();
  private readonly outboxListeners = new Set<(pending: readonly OutboxMessage[]) => void>();
  private readonly errorListeners = new Set<(error: ParleyError) => void>();
  private readonly eventListeners = new Set<(event: PreviewEvent) => void>();

  constructor(
    private readonly runTurn: PreviewTurnCall,
    private readonly botName: string,
  ) {}

  /** Begins the conversation once, however often it is asked to. */
  start() {
    if (this.started) return;
    this.started = true;
    this.enqueue(() => ({ type: 'start' }));
  }

  /** Stops delivering: a turn still under way when the preview restarts is dropped. */
  close() {
    this.closed = true;
  }

  /** Every finished or failed turn, for the trace and the canvas. */
  onEvent(listener: (event: PreviewEvent) => void) {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Plays routing's or an agent's part: nobody can come, or the agent hands back. */
  rehearse(type: 'noAgent' | 'returned') {
    this.enqueue(() => ({ type }));
  }

  /** Plays a saved conversation's steps in order, as the customer, routing and agents did. */
  replay(steps: readonly PreviewReplayStep[]) {
    for (const step of steps) {
      if (typeof step === 'object' && 'rehearse' in step) this.rehearse(step.rehearse);
      else void this.send(step);
    }
  }

  async send(input: MessageInput): Promise<OutgoingMessage> {
    const clientMessageId = newClientMessageId();
    const message: OutgoingMessage =
      typeof input === 'string' ? { clientMessageId, text: input } : { clientMessageId, ...input };
    this.pending = [...this.pending, { message, queuedAt: new Date().toISOString() }];
    this.emitOutbox();
    // The label is looked up when the turn runs: by then the answer offering it has arrived.
    this.enqueue(() => previewInputOf(message, this.labelOf(message)));
    return message;
  }

  onEntry(listener: (entry: Entry) => void) {
    for (const entry of this.entries) listener(entry);
    this.entryListeners.add(listener);
    return () => this.entryListeners.delete(listener);
  }

  /** Every turn is its own request: there is no connection to lose. */
  onStatus(listener: (status: ConnectionStatus) => void) {
    listener('open');
    return () => true;
  }

  onTyping(listener: (event: TypingEvent) => void) {
    this.typingListeners.add(listener);
    return () => this.typingListeners.delete(listener);
  }

  /** No agent reads a preview, so nothing is ever marked read by one. */
  onRead(_listener: (event: ReadEvent) => void) {
    return () => false;
  }

  onOutbox(listener: (pending: readonly OutboxMessage[]) => void) {
    listener(this.pending);
    this.outboxListeners.add(listener);
    return () => this.outboxListeners.delete(listener);
  }

  onError(listener: (error: ParleyError) => void) {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Nobody watches the customer type in a preview. */
  async typing() {}

  /** A preview rating is not stored: it would count in the reports as a real one. */
  async rate(score: number) {
    return { score };
  }

  async markRead(upToSeq = this.state?.lastSeq ?? 0) {
    return { upToSeq };
  }

  async end() {
    const lastSeq = this.state?.lastSeq ?? 0;
    this.deliver({
      id: `preview-${lastSeq + 1}`,
      seq: lastSeq + 1,
      actor: { type: 'system', name: 'Parley' },
      type: 'status_changed',
      payload: { from: 'new', to: 'ended', reason: 'customer_ended' },
      createdAt: new Date().toISOString(),
      status: 'sent',
    });
    if (this.state) this.state = { ...this.state, lastSeq: lastSeq + 1 };
    return { status: 'ended' as const };
  }

  async startNew(): Promise<StartResult> {
    this.state = null;
    this.entries.length = 0;
    this.enqueue(() => ({ type: 'start' }));
    await this.turns;
    return { conversationId: 'preview', status: 'new', resumed: false };
  }

  /** Turns run one after another: each needs the state the previous one returned. */
  private enqueue(inputOf: () => PreviewInput) {
    this.turns = this.turns.then(() => this.run(inputOf()));
  }

  private async run(input: PreviewInput) {
    if (this.closed) return;
    this.emitTyping(true);
    try {
      const turn = await this.runTurn(this.state, input);
      if (this.closed) return;
      this.state = turn.state;
      for (const entry of turn.entries) this.deliver(entry);
      this.emitEvent({ kind: 'turn', input, turn });
    } catch (error) {
      if (this.closed) return;
      // A message that did not go through is the chat's to report; the panel explains why.
      if ('clientMessageId' in input) {
        const message = error instanceof Error ? error.message : 'The preview failed.';
        for (const listener of this.errorListeners) {
          listener({ code: 'PREVIEW_FAILED', message, clientMessageId: input.clientMessageId });
        }
      }
      this.emitEvent({ kind: 'failure', input, error });
    } finally {
      if (!this.closed) {
        this.emitTyping(false);
        this.settle(input);
      }
    }
  }

  private labelOf(message: OutgoingMessage): string | undefined {
    if (!('choice' in message)) return undefined;
    for (const entry of [...this.entries].reverse()) {
      const options = (entry.payload.options ?? []) as { label: string; value: string }[];
      const option = options.find((candidate) => candidate.value === message.choice);
      if (option) return option.label;
    }
    return undefined;
  }

  private deliver(entry: Entry) {
    this.entries.push(entry);
    for (const listener of this.entryListeners) listener(entry);
  }

  private settle(input: PreviewInput) {
    if (!('clientMessageId' in input)) return;
    this.pending = this.pending.filter((m) => m.message.clientMessageId !== input.clientMessageId);
    this.emitOutbox();
  }

  private emitOutbox() {
    for (const listener of this.outboxListeners) listener(this.pending);
  }

  private emitTyping(isTyping: boolean) {
    const event = { actor: { type: 'bot' as const, name: this.botName }, isTyping };
    for (const listener of this.typingListeners) listener(event);
  }

  private emitEvent(event: PreviewEvent) {
    for (const listener of this.eventListeners) listener(event);
  }
}

function previewInputOf(message: OutgoingMessage, label: string | undefined): PreviewInput {
  const { clientMessageId } = message;
  if ('text' in message) return { type: 'text', text: message.text, clientMessageId };
  if ('choice' in message) {
    return { type: 'choice', value: message.choice, clientMessageId, ...(label ? { label } : {}) };
  }
  return { type: 'form', fields: message.form as Record<string, JsonValue>, clientMessageId };
}
