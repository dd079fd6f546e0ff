import { describe, expect, it } from 'vitest';
import { testCaseSchema } from '@/bot-runtime/botTests/testCase';
import { replayMessages } from './replayMessages';

describe('replaying a test case in the preview', () => {
  it('sends what the customer did after the greeting, in order', () => {
    const testCase = testCaseSchema.parse({
      id: 'a',
      name: 'A',
      turns: [
        { input: { type: 'start' } },
        { input: { type: 'choice', value: 'orderStatus', label: 'Where is my order?' } },
        { input: { type: 'text', text: 'A1001' } },
        { input: { type: 'form', fields: { email: 'sam@example.com' } } },
      ],
    });
    expect(replayMessages(testCase)).toEqual([
      { choice: 'orderStatus' },
      'A1001',
      { form: { email: 'sam@example.com' } },
    ]);
  });

  it('plays routing answering "nobody can come" and an agent handing back where the case has them', () => {
    const testCase = testCaseSchema.parse({
      id: 'a',
      name: 'A',
      turns: [
        { input: { type: 'start', text: 'a person please' } },
        { input: { type: 'noAgent' } },
        { input: { type: 'returned' } },
        { input: { type: 'text', text: 'hello?' } },
      ],
    });
    expect(replayMessages(testCase)).toEqual([
      'a person please',
      { rehearse: 'noAgent' },
      { rehearse: 'returned' },
      'hello?',
    ]);
  });
});
