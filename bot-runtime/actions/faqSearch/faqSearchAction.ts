import { z } from 'zod';
import { ActionError } from '../actionError';
import { numberFromText } from '../inputFromText';
import type { ActionDefinition } from '../types';
import { rankArticles } from './rankArticles';

const faqSearchInput = z.object({
  question: z.string().trim().min(1).max(1_000).describe("The customer's question"),
  minScore: numberFromText(z.number().min(0).max(1).default(0.3)).describe(
    'Below this similarity (0-1) the bot says it does not know',
  ),
});

const faqSearchOutput = z.object({
  found: z.boolean().describe('Whether an article matched well enough'),
  answer: z.string().describe("The article's answer, or a sentence saying the bot does not know"),
  articleId: z.string().nullable(),
  matchedQuestion: z.string().nullable(),
  score: z.number().describe('Similarity of the best article, 0-1'),
});

type FaqSearchInput = z.output<typeof faqSearchInput>;
type FaqSearchOutput = z.output<typeof faqSearchOutput>;

const dontKnow = "I'm sorry, I don't know the answer to that yet.";

export const faqSearchAction: ActionDefinition<FaqSearchInput, FaqSearchOutput> = {
  name: 'faqSearch',
  label: 'FAQ search',
  description:
    "Answers from the deployment's knowledge base, or says it does not know when no article is close enough.",
  input: faqSearchInput,
  output: faqSearchOutput,

  async run(input, context) {
    const knowledgeBase = context.settings.knowledgeBase;
    if (!knowledgeBase) {
      throw new ActionError('ACTION_NOT_CONFIGURED', 'The deployment has no knowledge base.', {
        setting: 'knowledgeBase',
      });
    }
    const [best] = rankArticles(input.question, knowledgeBase);
    if (!best || best.score < input.minScore) {
      return {
        found: false,
        answer: dontKnow,
        articleId: null,
        matchedQuestion: null,
        score: best?.score ?? 0,
      };
    }
    return {
      found: true,
      answer: best.article.answer,
      articleId: best.article.id,
      matchedQuestion: best.article.question,
      score: best.score,
    };
  },

  mock() {
    return {
      found: true,
      answer: 'This is where the best matching answer from your knowledge base appears.',
      articleId: 'sample',
      matchedQuestion: 'A sample question',
      score: 1,
    };
  },
};
