import type { NodeContext, NodeResult } from '../nodeType';
import type { MessageData } from './messageData';

export function runMessage({ node, say, render, random }: NodeContext<MessageData>): NodeResult {
  const { data } = node;
  if (data.typingDelayMs > 0) say({ type: 'typing', durationMs: data.typingDelayMs });
  const wordings = [data.text, ...data.variations].filter((text) => text.trim() !== '');
  const wording = wordings[Math.floor(random() * wordings.length)] ?? '';
  if (wording || data.quickReplies.length > 0) {
    say({
      type: 'text',
      text: render(wording),
      quickReplies: data.quickReplies.map((reply) => ({
        label: render(reply.label),
        value: reply.value || reply.label,
      })),
    });
  }
  if (data.image) say({ type: 'image', url: render(data.image.url), alt: data.image.alt });
  if (data.cards.length > 0) {
    say({
      type: 'cards',
      cards: data.cards.map((card) => ({
        ...card,
        title: render(card.title),
        subtitle: render(card.subtitle),
      })),
    });
  }
  return { type: 'next', output: 'next' };
}
