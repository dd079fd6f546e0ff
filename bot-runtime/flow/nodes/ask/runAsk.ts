import type { QuickReply } from '../../richContent';
import type { NodeContext, NodeResult } from '../nodeType';
import type { AskData } from './askData';
import { parseAnswer } from './parseAnswer';

export function runAsk(context: NodeContext<AskData>): NodeResult {
  const { node, resumed, nodeState, say, render } = context;
  const { data } = node;
  const quickReplies = offeredReplies(data);
  if (!resumed) {
    say({ type: 'text', text: render(data.prompt), quickReplies });
    return { type: 'wait', nodeState: { invalidAnswers: 0 } };
  }
  const input = context.takeInput();
  const invalidAnswers = Number(nodeState?.invalidAnswers ?? 0);
  if (input?.type === 'timeout') {
    return context.isConnected('noInput')
      ? { type: 'next', output: 'noInput' }
      : { type: 'wait', nodeState: { invalidAnswers } };
  }
  const answer = answerOf(input, data.variable);
  if (answer === undefined) return { type: 'wait', nodeState: { invalidAnswers } };

  const parsed = parseAnswer(answer, data, context.now());
  context.explain({
    kind: 'input',
    accepted: parsed.ok,
    value: answer,
    attempt: invalidAnswers + 1,
  });
  if (parsed.ok) {
    context.setVariable(data.variable, parsed.value);
    return { type: 'next', output: 'next' };
  }
  if (invalidAnswers >= data.maxRetries) return { type: 'next', output: 'invalid' };
  say({ type: 'text', text: render(data.retryPrompt), quickReplies });
  return { type: 'wait', nodeState: { invalidAnswers: invalidAnswers + 1 } };
}

function answerOf(input: ReturnType<NodeContext<AskData>['takeInput']>, variable: string) {
  switch (input?.type) {
    case 'text':
      return input.text;
    case 'choice':
      return input.value;
    case 'form':
      return input.fields[variable];
    default:
      return undefined;
  }
}

function offeredReplies(data: AskData): QuickReply[] {
  if (data.answerType === 'choice') return data.options;
  if (data.answerType === 'yesno') {
    return [
      { label: 'Yes', value: 'yes' },
      { label: 'No', value: 'no' },
    ];
  }
  return [];
}
