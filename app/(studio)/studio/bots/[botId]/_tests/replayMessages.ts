import type { TestCase } from '@/bot-runtime/botTests/testCase';
import type { MessageInput } from '@/sdk/types';

/**
 * What the preview's chat sends to replay a test case after the greeting: each message,
 * tapped quick reply and form in order. The preview cannot yet play routing's "nobody can
 * come", so the replay stops before such a turn (`stoppedAt` says which).
 */
export function replayMessages(testCase: TestCase): {
  messages: MessageInput[];
  stoppedAt: number | null;
} {
  const messages: MessageInput[] = [];
  for (const [index, { input }] of testCase.turns.entries()) {
    if (input.type === 'noAgent') return { messages, stoppedAt: index };
    if (input.type === 'start') {
      if (input.text !== undefined) messages.push(input.text);
    } else if (input.type === 'text') messages.push(input.text);
    else if (input.type === 'choice') messages.push({ choice: input.value });
    else messages.push({ form: input.fields });
  }
  return { messages, stoppedAt: null };
}
