import type { ExpectationInput, TestCaseInput } from '@/bot-runtime/botTests/testCase';
import type { PreviewTurn } from '@/server/bots/previewTurn';

/**
 * A test case from a preview conversation: the customer's inputs in order and, for each turn,
 * what happened: each bot message (exact), each node passed, and on the last turn the status
 * and hand-off queue. The designer loosens them afterwards. What the bot says on handing off is
 * left out: production says it only once routing finds someone.
 */
export function testCaseFromPreview(turns: readonly PreviewTurn[], name: string): TestCaseInput {
  // The preview sends no silence timeouts: every turn is something the customer did.
  const played = turns.flatMap((turn) => {
    const { input } = turn.trace;
    return input.type === 'timeout' ? [] : [{ turn, input }];
  });
  return {
    id: caseIdFor(name),
    name,
    turns: played.map(({ turn, input }, index) => ({
      input,
      expect: [
        ...botMessagesOf(turn).map(
          (text): ExpectationInput => ({ kind: 'botSays', match: 'exact', text }),
        ),
        ...[...new Set(turn.trace.steps.map((step) => step.nodeId))].map(
          (nodeId): ExpectationInput => ({ kind: 'visited', nodeId }),
        ),
        ...(index === played.length - 1 ? [statusOf(turn)] : []),
      ],
    })),
  };
}

/** What the customer typed first, to name the case by. */
export function suggestedCaseName(turns: readonly PreviewTurn[]): string {
  for (const turn of turns) {
    const input = turn.trace.input;
    if ((input.type === 'text' || input.type === 'start') && input.text)
      return input.text.slice(0, 200);
    if (input.type === 'choice') return (input.label ?? input.value).slice(0, 200);
  }
  return 'Greeting';
}

function botMessagesOf(turn: PreviewTurn): string[] {
  const handoffTexts = new Set((turn.handoff?.said ?? []).flatMap((said) => textOf(said.payload)));
  return turn.entries.flatMap((entry) =>
    entry.actor.type === 'bot' && entry.type === 'text'
      ? textOf(entry.payload).filter((text) => !handoffTexts.has(text))
      : [],
  );
}

function textOf(payload: unknown): string[] {
  const text = (payload as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text !== '' ? [text] : [];
}

function statusOf(turn: PreviewTurn): ExpectationInput {
  if (turn.status === 'escalated' && turn.handoff?.queue) {
    return { kind: 'status', status: 'escalated', queue: turn.handoff.queue };
  }
  return { kind: 'status', status: turn.status };
}

/** A readable id from the name, with a random tail so two cases named alike do not collide. */
function caseIdFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const tail = Math.random().toString(36).slice(2, 8);
  return `${slug || 'case'}-${tail}`;
}
