import type { Entry, OutboxMessage } from '@parley/sdk';

/** One line of the conversation screen. */
export interface ChatRow {
  key: string;
  seq: number | null;
  side: 'customer' | 'them' | 'event';
  author: string | null;
  text: string;
  /** Sent from this phone, not yet acknowledged by Parley. */
  pending: boolean;
}

/**
 * What the conversation screen lists: each entry as a bubble or a one-line event, then the
 * messages still on their way. Entries the screen cannot show (an image, cards) say what they
 * are rather than disappear.
 */
export function chatRows(entries: readonly Entry[], pending: readonly OutboxMessage[]): ChatRow[] {
  const rows: ChatRow[] = [];
  for (const entry of entries) {
    const text = describe(entry);
    if (text === null) continue;
    const side =
      entry.actor.type === 'customer'
        ? 'customer'
        : entry.actor.type === 'system'
          ? 'event'
          : 'them';
    rows.push({
      key: entry.id,
      seq: entry.seq,
      side: isEvent(entry) ? 'event' : side,
      author: side === 'them' && !isEvent(entry) ? entry.actor.name : null,
      text,
      pending: false,
    });
  }
  for (const { message } of pending) {
    rows.push({
      key: message.clientMessageId,
      seq: null,
      side: 'customer',
      author: null,
      text: 'text' in message ? message.text : 'choice' in message ? message.choice : 'Form sent',
      pending: true,
    });
  }
  return rows;
}

/** The quick replies the customer can tap now: those of the last entry, if it offers any. */
export function quickReplies(entries: readonly Entry[]): { label: string; value: string }[] {
  const last = entries.at(-1);
  if (last?.type !== 'quick_replies' || !Array.isArray(last.payload.options)) return [];
  return last.payload.options.flatMap((option: unknown) => {
    if (typeof option !== 'object' || option === null) return [];
    const { label, value } = option as { label?: unknown; value?: unknown };
    return typeof label === 'string'
      ? [{ label, value: typeof value === 'string' ? value : label }]
      : [];
  });
}

function isEvent(entry: Entry) {
  return ['participant_changed', 'queue_position', 'status_changed'].includes(entry.type);
}

function describe(entry: Entry): string | null {
  const payload = entry.payload;
  const text = typeof payload.text === 'string' ? payload.text : null;
  switch (entry.type) {
    case 'text':
    case 'quick_replies':
    case 'form_request':
    case 'csat_request':
      return text ?? '';
    case 'choice':
      return String(payload.label ?? payload.value ?? '');
    case 'form_response':
      return 'Form sent';
    case 'image':
      return 'Sent an image';
    case 'cards':
      return text ?? 'Sent some options';
    case 'participant_changed': {
      const who = (payload.participant as { name?: string } | undefined)?.name ?? 'Someone';
      return payload.change === 'left' ? `${who} left` : `${who} joined`;
    }
    case 'queue_position':
      return `You are number ${String(payload.position)} in the queue`;
    case 'status_changed':
      return payload.to === 'ended' ? 'The conversation has ended' : null;
    default:
      return null;
  }
}
