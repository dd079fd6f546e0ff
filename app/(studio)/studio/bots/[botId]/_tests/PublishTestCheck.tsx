'use client';

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import './tests.css';

/**
 * What publishing shows of the draft's tests: their latest results, and when any failed or has
 * not run since the last change, a box to tick to publish anyway (`confirmed`).
 */
export function PublishTestCheck({
  botId,
  confirmed,
  onConfirmed,
}: {
  botId: string;
  confirmed: boolean;
  onConfirmed: (confirmed: boolean) => void;
}) {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.bots.testCases.queryOptions({ botId }), staleTime: 0 });
  const checkboxId = useId();
  if (list.isPending) return <p className="muted">Reading the test results…</p>;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const { cases, summary } = list.data;
  if (summary.total === 0) return <p className="muted">This bot has no test cases.</p>;
  const failing = cases.filter((c) => c.lastRun?.current && !c.lastRun.passed);
  const needsConfirmation = summary.failed > 0 || summary.notRun > 0;
  return (
    <section className="stack" aria-label="Test results">
      <p className={needsConfirmation ? 'alert alert-warning' : 'alert alert-success'}>
        Tests on this draft: {summary.passed} passed, {summary.failed} failed, {summary.notRun} not
        run since the last change.
      </p>
      {failing.length > 0 && (
        <ul>
          {failing.map((c) => (
            <li key={c.testCase.id}>Failed: {c.testCase.name}</li>
          ))}
        </ul>
      )}
      {needsConfirmation && (
        <label htmlFor={checkboxId}>
          <input
            id={checkboxId}
            type="checkbox"
            checked={confirmed}
            onChange={(e) => onConfirmed(e.target.checked)}
          />{' '}
          Publish anyway
        </label>
      )}
    </section>
  );
}

/** Whether publishing may go ahead without asking: every test ran on this draft and passed. */
export function useTestsAllowPublish(botId: string, open: boolean): boolean {
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.bots.testCases.queryOptions({ botId }), enabled: open });
  const summary = list.data?.summary;
  return summary !== undefined && summary.failed === 0 && summary.notRun === 0;
}
