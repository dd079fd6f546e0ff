import { describe, expect, it } from 'vitest';
import { fakeActionContext } from '../fakeActionContext';
import type { KnowledgeArticle } from '../types';
import { faqSearchAction } from './faqSearchAction';

const knowledgeBase: KnowledgeArticle[] = [
  {
    id: 'shipping',
    question: 'How long does shipping take?',
    answer: 'Orders ship within 2 business days and arrive 3 to 5 days later.',
  },
  {
    id: 'returns',
    question: 'How do I return an item?',
    answer: 'You can return any item within 30 days for a full refund from your account page.',
  },
  {
    id: 'hours',
    question: 'What are your opening hours?',
    answer: 'Our support team is available Monday to Friday, 9am to 6pm.',
  },
];

async function ask(question: string) {
  const context = fakeActionContext({ settings: { knowledgeBase } });
  return faqSearchAction.run(faqSearchAction.input.parse({ question }), context);
}

describe('faqSearch action', () => {
  it.each([
    ['how long will shipping take to arrive', 'shipping'],
    ['When are you open?', 'hours'],
    ['I want to return the items I bought, can I get a refund?', 'returns'],
    ['Returning an item', 'returns'],
  ])('answers "%s" from the %s article', async (question, articleId) => {
    const output = await ask(question);
    expect(output).toMatchObject({ found: true, articleId });
    expect(output.answer).toBe(knowledgeBase.find((article) => article.id === articleId)?.answer);
  });

  it('says it does not know when nothing is close enough', async () => {
    const output = await ask('Can I pay with cryptocurrency?');
    expect(output).toMatchObject({
      found: false,
      articleId: null,
      answer: "I'm sorry, I don't know the answer to that yet.",
    });
    expect(output.score).toBeLessThan(0.3);
  });

  it('says it does not know for an empty knowledge base', async () => {
    const context = fakeActionContext({ settings: { knowledgeBase: [] } });
    const output = await faqSearchAction.run({ question: 'shipping?', minScore: 0.3 }, context);
    expect(output.found).toBe(false);
  });

  it('fails when the deployment has no knowledge base', async () => {
    await expect(
      faqSearchAction.run({ question: 'shipping?', minScore: 0.3 }, fakeActionContext()),
    ).rejects.toMatchObject({ code: 'ACTION_NOT_CONFIGURED' });
  });

  it('lets the designer raise the bar', async () => {
    const context = fakeActionContext({ settings: { knowledgeBase } });
    const input = faqSearchAction.input.parse({ question: 'shipping', minScore: '0.99' });
    expect((await faqSearchAction.run(input, context)).found).toBe(false);
  });

  it('previews with a sample answer', () => {
    expect(faqSearchAction.mock({ question: 'anything', minScore: 0.3 }).found).toBe(true);
  });
});
