import type { ParleyClient } from '../createParleyClient';
import type { ConnectionStatus, Entry, OutboxMessage, OutgoingMessage } from '../types';
import { csatPrompt } from './csatPrompt';
import { h } from './h';
import { renderEntry } from './renderEntry';

/**
 * What the chat view needs from a conversation. The Parley client provides it; the studio's
 * preview can provide the same over its own transport and reuse the view as it is.
 */
export type ChatPort = Pick<
  ParleyClient,
  | 'onEntry'
  | 'onStatus'
  | 'onTyping'
  | 'onRead'
  | 'onOutbox'
  | 'onError'
  | 'send'
  | 'typing'
  | 'rate'
  | 'markRead'
  | 'end'
  | 'startNew'
>;

export interface ChatViewOptions {
  /** Told how many bot/agent messages arrived while the view was hidden. */
  onUnreadChange?: (count: number) => void;
  /** Told when the conversation ends or a new one begins, e.g. to hide an "End chat" button. */
  onEndedChange?: (ended: boolean) => void;
  /** Told each time the customer sends something: a text, a tapped choice or a form. */
  onCustomerMessage?: () => void;
}

const TYPING_IDLE_MS = 4_000;
const TYPING_SHOWN_MS = 10_000;
/** A typing entry older than this is history (or a reload), not something to play back. */
const TYPING_FRESH_MS = 60_000;

/** A conversation as a message list, a composer, a connection banner and a rating prompt. */
export class ChatView {
  readonly element: HTMLElement;
  private readonly banner = h('div', { class: 'banner', role: 'status' });
  private readonly log = h('div', {
    class: 'log',
    role: 'log',
    'aria-label': 'Messages',
    // Focusable so keyboard users can scroll the history.
    tabindex: '0',
  });
  private readonly pendingList = h('div', { class: 'pending-list' });
  private readonly typingLine = h('div', { class: 'typing', 'aria-live': 'polite' });
  private readonly csatSlot = h('div', {});
  private readonly asideSlot = h('div', {});
  private readonly alert = h('p', { class: 'alert', role: 'alert' });
  private readonly endedActions = h('div', { class: 'actions' });
  private readonly input = h('textarea', {
    rows: '1',
    placeholder: 'Type a message…',
    'aria-label': 'Message',
    maxlength: '4000',
  });
  private readonly sendButton = h('button', { type: 'submit' }, 'Send');
  private readonly rows = new Map<number, HTMLElement>();
  /** Shown under the customer's latest message the agent has read. */
  private readonly readMark = h('div', { class: 'read-mark' }, 'Read');
  private readUpTo = 0;
  private readonly deliveredIds = new Set<string>();
  private readonly choiceLabels = new Map<string, string>();
  private pending: readonly OutboxMessage[] = [];
  private unsubscribes: (() => void)[] = [];
  private visible = false;
  private unread = 0;
  private ended = false;
  private rated = false;
  private customerTyping: ReturnType<typeof setTimeout> | undefined;
  private typingShown: ReturnType<typeof setTimeout> | undefined;
  private readTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bot and agent entries arriving before this time wait behind a "typing…" line. */
  private revealAt = 0;
  private readonly heldEntries = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly port: ChatPort,
    private readonly options: ChatViewOptions = {},
  ) {
    const composer = h(
      'form',
      { class: 'composer', 'aria-label': 'Send a message' },
      this.input,
      this.sendButton,
    );
    composer.addEventListener('submit', (event) => {
      event.preventDefault();
      this.sendTyped();
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.sendTyped();
      }
    });
    this.input.addEventListener('input', () => this.noteCustomerTyping());
    this.log.append(this.pendingList);
    this.element = h(
      'div',
      { class: 'chat' },
      this.banner,
      this.log,
      this.typingLine,
      this.csatSlot,
      this.endedActions,
      this.alert,
      this.asideSlot,
      composer,
    );
  }

  /** Starts showing the conversation; entries already received are drawn at once. */
  connect() {
    this.unsubscribes = [
      this.port.onEntry((entry) => this.addEntry(entry)),
      this.port.onOutbox((pending) => {
        this.pending = pending;
        this.drawPending();
      }),
      this.port.onStatus((status) => this.showConnection(status)),
      this.port.onTyping((event) => {
        if (event.actor.type === 'customer') return;
        this.showTyping(event.isTyping ? `${event.actor.name} is typing…` : '');
      }),
      this.port.onRead((event) => this.showReadUpTo(event.upToSeq)),
      this.port.onError((error) => {
        this.alert.textContent =
          error.code === 'CONVERSATION_ENDED'
            ? 'This conversation has ended, so your message was not sent.'
            : `Your message could not be sent: ${error.message}`;
      }),
    ];
  }

  disconnect() {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    clearTimeout(this.customerTyping);
    clearTimeout(this.typingShown);
    clearTimeout(this.readTimer);
    this.releaseHeldEntries();
  }

  setVisible(visible: boolean) {
    this.visible = visible;
    if (!visible) return;
    this.unread = 0;
    this.options.onUnreadChange?.(0);
    this.scheduleMarkRead();
    this.scrollToEnd();
  }

  focusComposer() {
    if (this.input.disabled) this.log.focus();
    else this.input.focus();
  }

  /** Shows a problem that is not about one message, e.g. support cannot be reached. */
  showNotice(text: string) {
    this.banner.textContent = text;
  }

  /** Shows something beside the conversation above the composer, e.g. an offer; null clears it. */
  setAside(element: HTMLElement | null) {
    this.asideSlot.replaceChildren(...(element ? [element] : []));
  }

  /** Ends the conversation for the customer; the rating prompt follows. */
  async endConversation() {
    try {
      await this.port.end();
    } catch {
      this.alert.textContent = 'The conversation could not be ended. Please try again.';
    }
  }

  private sendTyped() {
    const text = this.input.value.trim();
    if (!text || this.ended) return;
    this.input.value = '';
    this.alert.textContent = '';
    clearTimeout(this.customerTyping);
    this.customerTyping = undefined;
    void this.port.typing(false);
    this.sendAsCustomer(text);
  }

  private sendAsCustomer(message: Parameters<ChatPort['send']>[0]) {
    void this.port.send(message);
    this.options.onCustomerMessage?.();
  }

  private choose(value: string, label: string) {
    if (this.ended) return;
    this.choiceLabels.set(value, label);
    this.sendAsCustomer({ choice: value });
  }

  private noteCustomerTyping() {
    if (this.customerTyping) clearTimeout(this.customerTyping);
    else void this.port.typing(true);
    this.customerTyping = setTimeout(() => {
      this.customerTyping = undefined;
      void this.port.typing(false);
    }, TYPING_IDLE_MS);
  }

  private addEntry(entry: Entry) {
    if (this.rows.has(entry.seq)) return;
    if (entry.actor.type !== 'customer' && this.holdUntilRevealed(entry)) return;
    this.rememberChoiceLabels(entry);
    const content = renderEntry(entry, {
      choose: (value, label) => this.choose(value, label),
      submitForm: (values) => this.sendAsCustomer({ form: values }),
      labelFor: (value) => this.choiceLabels.get(value),
    });
    const row = h('div', {
      class: `row ${entry.actor.type}`,
      'data-seq': String(entry.seq),
      'data-actor': `${entry.actor.type}:${entry.actor.name}`,
    });
    if (content) row.append(content);
    this.insertRow(entry, row, content !== null);

    if (entry.actor.type === 'customer') this.retireOlderChoices(entry.seq);
    if (entry.clientMessageId) {
      this.deliveredIds.add(entry.clientMessageId);
      this.drawPending();
    }
    if (entry.type === 'typing') this.playTyping(entry);
    else if (entry.actor.type !== 'customer' && entry.actor.type !== 'system') this.showTyping('');
    if (entry.type === 'csat_request') {
      this.offerRating(String(entry.payload.text ?? ''), entry.payload.withComment === true);
    }
    if (entry.type === 'csat_response') this.markRated();
    if (entry.type === 'status_changed' && entry.payload.to === 'ended') this.showEnded();
    this.countUnread(entry);
    if (entry.actor.type === 'customer' && entry.status === 'read') this.showReadUpTo(entry.seq);
    this.scrollToEnd();
  }

  private showReadUpTo(seq: number) {
    this.readUpTo = Math.max(this.readUpTo, seq);
    const lastRead = [...this.rows]
      .filter(([rowSeq, row]) => rowSeq <= this.readUpTo && row.classList.contains('customer'))
      .sort(([a], [b]) => b - a)[0];
    if (lastRead) lastRead[1].append(this.readMark);
  }

  /**
   * The server stores a typing entry and the reply behind it together, so the pause is played
   * here: from a fresh typing entry on, what the bot or agent says next waits its turn.
   * Client and server clocks differ, so the whole pause is played from arrival.
   */
  private playTyping(entry: Entry) {
    const age = Date.now() - Date.parse(entry.createdAt);
    const durationMs = Number(entry.payload.durationMs ?? 0);
    if (age > TYPING_FRESH_MS || !(durationMs > 0)) return;
    this.revealAt = Math.max(this.revealAt, Date.now() + durationMs);
    this.showTyping(`${entry.actor.name} is typing…`);
  }

  private holdUntilRevealed(entry: Entry): boolean {
    const wait = this.revealAt - Date.now();
    if (wait <= 0) return false;
    const timer = setTimeout(() => {
      this.heldEntries.delete(timer);
      this.addEntry(entry);
    }, wait);
    this.heldEntries.add(timer);
    return true;
  }

  private releaseHeldEntries() {
    for (const timer of this.heldEntries) clearTimeout(timer);
    this.heldEntries.clear();
    this.revealAt = 0;
  }

  private insertRow(entry: Entry, row: HTMLElement, hasContent: boolean) {
    this.rows.set(entry.seq, row);
    const after = [...this.rows.keys()].filter((seq) => seq > entry.seq).sort((a, b) => a - b)[0];
    const before = after === undefined ? this.pendingList : this.rows.get(after);
    this.log.insertBefore(row, before ?? this.pendingList);
    if (!hasContent) {
      row.hidden = true;
      return;
    }
    const previous = this.previousVisibleRow(row);
    const speaksNow = entry.actor.type === 'bot' || entry.actor.type === 'agent';
    if (speaksNow && previous?.dataset.actor !== row.dataset.actor) {
      row.prepend(h('div', { class: 'author' }, entry.actor.name));
    }
  }

  private previousVisibleRow(row: HTMLElement): HTMLElement | null {
    let sibling = row.previousElementSibling as HTMLElement | null;
    while (sibling?.hidden) sibling = sibling.previousElementSibling as HTMLElement | null;
    return sibling;
  }

  private rememberChoiceLabels(entry: Entry) {
    if (entry.type === 'quick_replies') {
      for (const option of (entry.payload.options ?? []) as { label: string; value: string }[]) {
        this.choiceLabels.set(option.value, option.label);
      }
    }
    if (entry.type === 'cards') {
      for (const card of (entry.payload.cards ?? []) as {
        buttons?: { label: string; value?: string }[];
      }[]) {
        for (const button of card.buttons ?? []) {
          this.choiceLabels.set(button.value ?? button.label, button.label);
        }
      }
    }
  }

  /** Buttons of earlier bot messages stop working once the customer has moved on. */
  private retireOlderChoices(customerSeq: number) {
    for (const [seq, row] of this.rows) {
      if (seq > customerSeq) continue;
      for (const button of row.querySelectorAll<HTMLButtonElement>(
        '.choices button, .card button',
      )) {
        button.disabled = true;
      }
    }
  }

  private drawPending() {
    const waiting = this.pending.filter((m) => !this.deliveredIds.has(m.message.clientMessageId));
    this.pendingList.replaceChildren(
      ...waiting.map((m) =>
        h(
          'div',
          { class: 'row customer pending', 'data-client-message-id': m.message.clientMessageId },
          h('div', { class: 'bubble' }, this.describeOutgoing(m.message)),
          h('div', { class: 'delivery' }, 'Sending…'),
        ),
      ),
    );
    this.scrollToEnd();
  }

  private describeOutgoing(message: OutgoingMessage): string {
    if ('text' in message) return message.text;
    if ('choice' in message) return this.choiceLabels.get(message.choice) ?? message.choice;
    return Object.entries(message.form)
      .map(([name, value]) => `${name}: ${String(value)}`)
      .join('\n');
  }

  private showConnection(status: ConnectionStatus) {
    this.banner.textContent =
      status === 'reconnecting'
        ? 'Connection lost — reconnecting…'
        : status === 'connecting'
          ? 'Connecting…'
          : '';
  }

  private showTyping(text: string) {
    clearTimeout(this.typingShown);
    this.typingLine.textContent = text;
    if (text) this.typingShown = setTimeout(() => this.showTyping(''), TYPING_SHOWN_MS);
  }

  private offerRating(question: string, withComment: boolean) {
    if (this.rated || this.csatSlot.firstChild) return;
    this.csatSlot.append(
      csatPrompt({
        question: question || 'How would you rate this conversation?',
        withComment,
        submit: async (score, comment) => {
          // Set first: the stored rating can come back on the stream before this call returns.
          this.rated = true;
          await this.port.rate(score, comment).catch((error: unknown) => {
            this.rated = false;
            throw error;
          });
        },
      }),
    );
  }

  /** A rating given earlier (or on another device) removes the prompt; one given here stays to say thanks. */
  private markRated() {
    if (this.rated) return;
    this.rated = true;
    this.csatSlot.replaceChildren();
  }

  private showEnded() {
    if (this.ended) return;
    this.ended = true;
    this.options.onEndedChange?.(true);
    this.input.disabled = true;
    this.sendButton.disabled = true;
    this.input.placeholder = 'This conversation has ended';
    this.offerRating('How would you rate this conversation?', true);
    this.endedActions.replaceChildren(
      h('button', { type: 'button', onclick: () => this.startNew() }, 'Start a new conversation'),
    );
  }

  private async startNew() {
    this.reset();
    try {
      await this.port.startNew();
      this.focusComposer();
    } catch {
      this.alert.textContent = 'A new conversation could not be started. Please try again.';
    }
  }

  private reset() {
    this.releaseHeldEntries();
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
    this.deliveredIds.clear();
    this.csatSlot.replaceChildren();
    this.endedActions.replaceChildren();
    this.alert.textContent = '';
    this.ended = false;
    this.options.onEndedChange?.(false);
    this.rated = false;
    this.input.disabled = false;
    this.sendButton.disabled = false;
    this.input.placeholder = 'Type a message…';
  }

  private countUnread(entry: Entry) {
    if (entry.actor.type === 'customer' || entry.actor.type === 'system') return;
    if (entry.type === 'typing') return;
    if (this.visible) {
      this.scheduleMarkRead();
      return;
    }
    if (entry.status === 'read') return;
    this.unread += 1;
    this.options.onUnreadChange?.(this.unread);
  }

  private scheduleMarkRead() {
    clearTimeout(this.readTimer);
    this.readTimer = setTimeout(() => {
      this.port.markRead().catch(() => undefined);
    }, 300);
  }

  private scrollToEnd() {
    this.log.scrollTop = this.log.scrollHeight;
  }
}
