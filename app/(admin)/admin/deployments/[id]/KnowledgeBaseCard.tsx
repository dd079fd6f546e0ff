'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { KnowledgeArticle } from '@/bot-runtime/actions/types';

const MAX_ARTICLES = 200;

type ArticleRow = { key: number; id?: string; question: string; answer: string };

/** The help-center articles the bot's FAQ search answers customers from. */
export function KnowledgeBaseCard({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const articles = useQuery(trpc.deployments.knowledgeBase.queryOptions({ id: deploymentId }));
  return (
    <section className="card stack" aria-labelledby="knowledge-base-heading">
      <h2 id="knowledge-base-heading">Knowledge base</h2>
      <p className="muted">
        Questions and answers the bot&apos;s FAQ search picks from; when no question is close enough
        to the customer&apos;s, it says it does not know. Without articles the FAQ search takes its
        failure path.
      </p>
      {articles.isPending && <p className="muted">Loading articles…</p>}
      {articles.isError && <ErrorAlert error={articles.error} />}
      {articles.isSuccess && <ArticlesForm deploymentId={deploymentId} saved={articles.data} />}
    </section>
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
  const nextKey = useRef(saved.length);
  const toRows = (articles: KnowledgeArticle[]) =>
    articles.map((article, index) => ({ ...article, key: index }));
  const [rows, setRows] = useState<ArticleRow[]>(() => toRows(saved));
  const [done, setDone] = useState(false);
  const update = useMutation(
    trpc.deployments.updateKnowledgeBase.mutationOptions({
      onSuccess: (articles) => {
        setDone(true);
        // New articles come back with their ids: a second save must not create them again.
        nextKey.current = articles.length;
        setRows(toRows(articles));
        queryClient.setQueryData(
          trpc.deployments.knowledgeBase.queryKey({ id: deploymentId }),
          articles,
        );
      },
    }),
  );

  const change = (key: number, patch: Partial<ArticleRow>) => {
    setDone(false);
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const add = () => {
    setDone(false);
    const key = nextKey.current++;
    setRows((current) => [...current, { key, question: '', answer: '' }]);
  };
  const remove = (key: number) => {
    setDone(false);
    setRows((current) => current.filter((row) => row.key !== key));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    update.mutate({
      id: deploymentId,
      articles: rows.map(({ key: _key, ...article }) => article),
    });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Knowledge base articles">
      {rows.length === 0 && <p>No articles yet.</p>}
      {rows.map((row, index) => (
        <fieldset key={row.key} className="stack">
          <legend>Article {index + 1}</legend>
          <label>
            Question
            <input
              value={row.question}
              required
              maxLength={300}
              onChange={(event) => change(row.key, { question: event.target.value })}
            />
          </label>
          <label>
            Answer
            <textarea
              value={row.answer}
              required
              maxLength={4000}
              rows={3}
              onChange={(event) => change(row.key, { answer: event.target.value })}
            />
          </label>
          <div>
            <button type="button" className="danger" onClick={() => remove(row.key)}>
              Remove article {index + 1}
            </button>
          </div>
        </fieldset>
      ))}
      {update.isError && <ErrorAlert error={update.error} />}
      {done && !update.isPending && (
        <div className="alert alert-success" role="status">
          Knowledge base saved.
        </div>
      )}
      <div className="row">
        <button type="button" onClick={add} disabled={rows.length >= MAX_ARTICLES}>
          Add article
        </button>
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save knowledge base'}
        </button>
      </div>
    </form>
  );
}
