import type { BotOutput, SessionState } from '../../bot-runtime/engine';
import type { EntryDraft } from '../db/schema';
import type { BotTurnOutcome } from '../messaging/botTurns';

/**
 * What one engine turn means for the conversation: the entries the customer sees, and the
 * handoff or rating it asks for. Production and the studio preview share it, so preview shows
 * exactly what a customer would get. The trace is left to the caller: preview hands it to the
 * studio as it is, production stores it with the entries.
 */
export function botTurnOutcome(
  outputs: BotOutput[],
  state: SessionState,
  status: BotTurnOutcome['status'],
  botName: string,
): Omit<BotTurnOutcome, 'trace'> {
  const bot = { actorType: 'bot' as const, actorName: botName };
  const entries: EntryDraft[] = [];
  let handoff: BotTurnOutcome['handoff'];
  let csat: BotTurnOutcome['csat'];
  for (const output of outputs) {
    if (output.type === 'text') {
      entries.push(
        output.quickReplies.length > 0
          ? {
              ...bot,
              type: 'quick_replies',
              payload: {
                text: output.text,
                options: output.quickReplies.map((reply) => ({
                  label: reply.label,
                  value: reply.value || reply.label,
                })),
              },
            }
          : { ...bot, type: 'text', payload: { text: output.text } },
      );
    } else if (output.type === 'typing') {
      // Stored at once, ahead of the entry it announces, never slept on: a turn that waited
      // here would hold the customer's request and the shared write batcher for seconds. The
      // widget plays the delay back, holding what follows until durationMs has passed.
      entries.push({ ...bot, type: 'typing', payload: { durationMs: output.durationMs } });
    } else if (output.type === 'image') {
      entries.push({ ...bot, type: 'image', payload: { url: output.url, alt: output.alt } });
    } else if (output.type === 'cards') {
      entries.push({ ...bot, type: 'cards', payload: { cards: output.cards } });
    } else if (output.type === 'handoff') {
      handoff = {
        queue: output.handoff.queue,
        skills: output.handoff.skills.map(({ skill, level }) => ({ skill, minLevel: level })),
        priority: output.handoff.priority,
        said: output.handoff.message
          ? [{ ...bot, type: 'text', payload: { text: output.handoff.message } }]
          : [],
        details: {
          summary: output.handoff.summary,
          intent: output.handoff.intent,
          intentConfidence: output.handoff.intentConfidence,
          nodeId: output.handoff.nodeId,
          variables: output.handoff.variables,
        },
      };
    } else if (output.type === 'end' && output.csat) {
      csat = { score: output.csat.rating, comment: output.csat.comment };
    }
  }
  return { entries, state, status, handoff, csat };
}
