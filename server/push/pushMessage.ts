import type { PushMessage } from './providers/types';

export const PRIVATE_BODY = 'You have a new reply';

/** A day: an older reply is no news worth waking a phone for. */
export const NOTIFICATION_TTL_MS = 24 * 3_600_000;

/** What the customer would read as a reply; status changes, joins and typing are not news. */
const REPLY_TYPES = new Set(['text', 'quick_replies', 'cards', 'image', 'form_request']);

export function isReply(actorType: string, entryType: string): boolean {
  return (actorType === 'agent' || actorType === 'bot') && REPLY_TYPES.has(entryType);
}

export interface NotifiedReply {
  entryType: string;
  payload: Record<string, unknown>;
  actorName: string;
  createdAt: Date;
  seq: number;
}

/**
 * The notification a reply becomes, the same for every provider: the deployment's title or
 * the replier's name, and the reply's words unless the deployment keeps them private. The
 * conversation id is the collapse id, so one conversation shows as one notification.
 */
export function buildPushMessage(
  settings: { showText: boolean; title: string | null },
  conversationId: string,
  reply: NotifiedReply,
  ttlMs = NOTIFICATION_TTL_MS,
): PushMessage {
  return {
    title: settings.title ?? reply.actorName,
    body: settings.showText ? replyText(reply.entryType, reply.payload) : PRIVATE_BODY,
    collapseKey: conversationId,
    data: { conversationId, seq: reply.seq },
    expiresAt: new Date(reply.createdAt.getTime() + ttlMs),
  };
}

function replyText(entryType: string, payload: Record<string, unknown>): string {
  const text = typeof payload.text === 'string' ? payload.text.trim() : '';
  if (text) return text;
  if (entryType === 'image') return 'Sent an image';
  if (entryType === 'cards') return 'Sent some options';
  if (entryType === 'form_request') return 'Asked you to fill in a form';
  return PRIVATE_BODY;
}
