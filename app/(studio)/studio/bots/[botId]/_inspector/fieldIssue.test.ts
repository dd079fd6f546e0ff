import { describe, expect, it } from 'vitest';
import { nodeRegistry } from '@/bot-runtime/flow';
import { fieldIssueMessage } from './fieldIssue';

function refusal(type: string, data: Record<string, unknown>) {
  const parsed = nodeRegistry.get(type)?.dataSchema.safeParse(data);
  const issue = parsed?.success === false ? parsed.error.issues[0] : undefined;
  if (!issue) throw new Error('the schema accepted the data');
  return issue;
}

describe('field issue messages', () => {
  it('names the row and the part of it a refused change is about', () => {
    const issue = refusal('message', { text: '', cards: [{ title: '' }] });
    expect(fieldIssueMessage(issue, 'cards', 'Cards')).toBe(
      'Cards, item 1, title: can’t be empty.',
    );
  });

  it('says the bounds of a number', () => {
    const issue = refusal('escalate', { queue: 'Support', skills: [{ skill: 'a', level: 11 }] });
    expect(fieldIssueMessage(issue, 'skills', 'Required skills')).toBe(
      'Required skills, item 1, level: must be at most 10.',
    );
  });

  it('keeps a message the schema words itself', () => {
    const issue = refusal('set', { assignments: [{ variable: '1st', from: 'value', value: 1 }] });
    expect(fieldIssueMessage(issue, 'assignments', 'Assignments')).toBe(
      'Assignments, item 1, variable: Use letters, digits and underscores, starting with a letter.',
    );
  });
});
