import type { TraceReason, TraceStep, TurnInput } from '@/bot-runtime/engine';
import type { JsonValue } from '@/bot-runtime/flow/json';

/** What the person did to start a turn, as a trace heading. */
export function describeInput(input: TurnInput): string {
  switch (input.type) {
    case 'start':
      return 'Conversation started';
    case 'text':
      return `Typed “${input.text}”`;
    case 'choice':
      return `Chose “${input.label ?? input.value}”`;
    case 'form':
      return 'Sent a form';
    case 'timeout':
      return 'Stayed silent';
    case 'noAgent':
      return 'No agent was available';
    case 'returned':
      return 'An agent handed back to the bot';
  }
}

/** What a node did, in a few words. */
export function describeResult(step: TraceStep): string {
  if (step.result === 'wait') {
    return step.output === 'fallback' ? 'did not understand, waits' : 'waits for the customer';
  }
  if (step.result === 'end') return 'ends the conversation';
  if (step.result === 'jump') return `jumps to ${step.nextNodeId ?? 'nowhere'}`;
  if (step.result === 'error') return 'failed';
  return step.output ? `leaves through “${step.output}”` : 'continues';
}

/** Why a node did it: one line per reason, the NLU ranking cut to its top three. */
export function describeReason(reason: TraceReason): string[] {
  switch (reason.kind) {
    case 'nlu': {
      const ranking = reason.ranking
        .slice(0, 3)
        .map((score) => `${score.intent} ${percent(score.confidence)}`)
        .join(', ');
      const entities = reason.entities.map((e) => `${e.entity} = ${e.value}`).join(', ');
      return [
        `NLU “${reason.text}”: ${reason.intent ?? 'no intent'} (threshold ${percent(reason.threshold)})`,
        `Top intents: ${ranking || 'none'}`,
        ...(entities ? [`Entities: ${entities}`] : []),
      ];
    }
    case 'globalIntent':
      return [`Global intent ${reason.intent} jumps to ${reason.targetNodeId}`];
    case 'rules':
      return [
        `Rules (${reason.match}) ${reason.passed ? 'passed' : 'failed'}`,
        ...reason.results.map(
          (rule) =>
            `${rule.passed ? '✓' : '✗'} ${rule.variable} ${rule.operator} ${rule.expected} (is ${json(rule.actual)})`,
        ),
      ];
    case 'action':
      return [
        `Action ${reason.action}${reason.mocked ? ' (mock)' : ''}: request ${json(reason.request)}`,
        reason.error
          ? `Failed: ${reason.error.code} ${reason.error.message}`
          : `Response ${json(reason.response)}`,
      ];
    case 'input':
      return [
        `Answer ${json(reason.value)} ${reason.accepted ? 'accepted' : 'refused'} (attempt ${reason.attempt})`,
      ];
    case 'slot':
      return [
        `Slot ${reason.variable} from ${reason.entity}: ${reason.filled ? json(reason.value) : 'missing'}`,
      ];
    case 'fallback':
      return [
        `Misunderstood ${reason.misunderstandings} of ${reason.offerHumanAfter} times${reason.offerHuman ? ': offers a person' : ''}`,
      ];
    case 'turnLimit':
      return [
        `${reason.customerTurns} customer messages, limit ${reason.offerHumanAfterTurns}: offers a person`,
      ];
    case 'variable':
      return [`Set ${reason.name} = ${json(reason.value)}`];
    case 'error':
      return [`Error ${reason.code}: ${reason.message}`];
  }
}

function percent(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

function json(value: JsonValue | null): string {
  return JSON.stringify(value) ?? 'null';
}
