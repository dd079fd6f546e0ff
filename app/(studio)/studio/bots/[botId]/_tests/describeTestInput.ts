import type { TestInput } from '@/bot-runtime/botTests/testCase';

/** One turn's input as a person reads it. */
export function describeTestInput(input: TestInput): string {
  switch (input.type) {
    case 'start':
      return input.text === undefined ? 'the chat opens' : `the chat opens with “${input.text}”`;
    case 'text':
      return `the customer says “${input.text}”`;
    case 'choice':
      return `the customer taps “${input.label ?? input.value}”`;
    case 'form':
      return 'the customer sends the form';
    case 'noAgent':
      return 'routing answers that nobody can come';
    case 'returned':
      return 'an agent hands back to the bot';
  }
}
