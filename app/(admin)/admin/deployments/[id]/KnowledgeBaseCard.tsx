'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { SaveFormFooter } from '@/app/_components/SaveFormFooter';
import { useKeyedRows } from '@/app/_components/useKeyedRows';
import { useTRPC } from '@/app/_trpc/client';
import type { KnowledgeArticle } from '@/bot-runtime/actions/types';
import { SettingsCard } from './SettingsCard';

const MAX_ARTICLES = 200;

type ArticleDraft = { id?: string; question: string; answer: string };

/** The help-center articles the bot's FAQ search answers customers from. */
export function KnowledgeBaseCard({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const articles = useQuery(trpc.deployments.knowledgeBase.queryOptions({ id: deploymentId }));
  return (
    <SettingsCard
      id="knowledge-base"
      title="Knowledge base"
      intro="Questions and answers the bot's FAQ search picks from; when no question is close enough to the customer's, it says it does not know. Without articles the FAQ search takes its failure path."
      settings={articles}
      loadingText="Loading articles…"
    >
      {(saved) => <ArticlesForm deploymentId={deploymentId} saved={saved} />}
    </SettingsCard>
  );
}

function ArticlesForm({
  deploymentId,
  saved,
}: {
  deploymentId: string;
  saved: KnowledgeArticle[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const articles = useKeyedRows<ArticleDraft>(saved, () => setDone(false));
  const update = useMutation(
    trpc.deployments.updateKnowledgeBase.mutationOptions({
      onSuccess: (stored) => {
        setDone(true);
        // New articles come back with their ids: a second save must not create them again.
        articles.reset(stored);
        queryClient.setQueryData(
          trpc.deployments.knowledgeBase.queryKey({ id: deploymentId }),
          stored,
        );
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    update.mutate({ id: deploymentId, articles: articles.values() });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Knowledge base articles">
      {articles.rows.length === 0 && <p>No articles yet.</p>}
      {articles.rows.map((row, index) => (
        <fieldset key={row.key} className="stack">
          <legend>Article {index + 1}</legend>
          <label>
            Question
            <input
              value={row.question}
              required
              maxLength={300}
              onChange={(event) => articles.change(row.key, { question: event.target.value })}
            />
          </label>
          <label>
            Answer
            <textarea
              value={row.answer}
              required
              maxLength={4000}
              rows={3}
              onChange={(event) => articles.change(row.key, { answer: event.target.value })}
            />
          </label>
          <div>
            <button type="button" className="danger" onClick={() => articles.remove(row.key)}>
              Remove article {index + 1}
            </button>
          </div>
        </fieldset>
      ))}
      <SaveFormFooter
        save={update}
        saved={done}
        savedText="Knowledge base saved."
        submitLabel="Save knowledge base"
      >
        <button
          type="button"
          onClick={() => articles.add(() => ({ question: '', answer: '' }))}
          disabled={articles.rows.length >= MAX_ARTICLES}
        >
          Add article
        </button>
      </SaveFormFooter>
    </form>
  );
}
