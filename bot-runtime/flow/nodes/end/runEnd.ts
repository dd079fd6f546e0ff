import type { NodeContext, NodeResult } from '../nodeType';
import type { TurnInput } from '../turnInput';
import { csatVariables, type EndData } from './endData';

const RATINGS = ['1', '2', '3', '4', '5'];
const SKIP_COMMENT = 'skip';

/** Says goodbye, then (if enabled) collects a rating and a comment before ending. */
export function runEnd(context: NodeContext<EndData>): NodeResult {
  const { data } = context.node;
  const step = context.resumed ? context.nodeState?.step : 'closing';
  const input = context.resumed ? context.takeInput() : null;

  if (step === 'closing') {
    const message = context.render(data.message);
    if (message) say(context, message);
    if (!data.csat.enabled) return finish(context, null);
    say(context, data.csat.question, RATINGS);
    return { type: 'wait', nodeState: { step: 'rating', retried: false } };
  }
  if (step === 'rating') {
    if (input?.type === 'timeout') return finish(context, null);
    const rating = ratingOf(input);
    if (rating === null) {
      if (context.nodeState?.retried) return finish(context, null);
      say(context, data.csat.question, RATINGS);
      return { type: 'wait', nodeState: { step: 'rating', retried: true } };
    }
    context.setVariable(csatVariables.rating, rating);
    if (input?.type === 'form' || !data.csat.commentPrompt) {
      return finish(context, { rating, comment: commentOf(input) });
    }
    say(context, data.csat.commentPrompt, [SKIP_COMMENT]);
    return { type: 'wait', nodeState: { step: 'comment', rating } };
  }
  const rating = Number(context.nodeState?.rating);
  return finish(context, { rating, comment: commentOf(input) });
}

function finish(
  context: NodeContext<EndData>,
  csat: { rating: number; comment: string | null } | null,
): NodeResult {
  if (csat) {
    context.setVariable(csatVariables.comment, csat.comment);
    const thanks = context.render(context.node.data.csat.thanks);
    if (thanks) say(context, thanks);
  }
  context.say({ type: 'end', csat });
  return { type: 'end' };
}

function say(context: NodeContext<EndData>, template: string, replies: string[] = []) {
  context.say({
    type: 'text',
    text: context.render(template),
    quickReplies: replies.map((reply) => ({ label: reply, value: reply })),
  });
}

function ratingOf(input: TurnInput | null): number | null {
  const raw =
    input?.type === 'choice'
      ? input.value
      : input?.type === 'text'
        ? input.text
        : input?.type === 'form'
          ? String(input.fields.rating ?? '')
          : '';
  const digit = /\b([1-5])\b/.exec(raw)?.[1];
  return digit ? Number(digit) : null;
}

function commentOf(input: TurnInput | null): string | null {
  if (input?.type === 'text') return input.text.trim() || null;
  if (input?.type === 'form' && typeof input.fields.comment === 'string') {
    return input.fields.comment.trim() || null;
  }
  return null;
}
