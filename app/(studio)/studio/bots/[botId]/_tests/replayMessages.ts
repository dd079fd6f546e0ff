import type { TestCase, TestInput } from '@/bot-runtime/botTests/testCase';
import type { PreviewReplayStep } from '../_preview/PreviewChatPort';

/**
 * What the preview plays to replay a test case after the greeting: each message, tapped quick
 * reply and form the customer sent, and routing's or an agent's part, in order.
 */
export function replayMessages(testCase: TestCase): PreviewReplayStep[] {
  return testCase.turns.flatMap(({ input }) => stepsOf(input));
}

function stepsOf(input: TestInput): PreviewReplayStep[] {
  if (input.type === 'start') return input.text === undefined ? [] : [input.text];
  if (input.type === 'text') return [input.text];
  if (input.type === 'choice') return [{ choice: input.value }];
  if (input.type === 'form') return [{ form: input.fields }];
  return [{ rehearse: input.type }];
}
