'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorMessage } from '@/app/_trpc/client';

/**
 * A paged list's query as the person sees it: loading, failed (why, and a way to try again),
 * empty, or its page of items drawn by `children`. `actionError` says why the last action on an
 * item failed, above the list it left unchanged.
 */
export function ListState<Item, QueryError>({
  query,
  loadingText,
  emptyText,
  actionError,
  children,
}: {
  query: UseQueryResult<{ items: Item[]; total: number }, QueryError>;
  loadingText: string;
  emptyText: string;
  actionError?: string | null;
  children: (page: { items: Item[]; total: number }) => ReactNode;
}) {
  return (
    <>
      {actionError && (
        <div className="alert alert-error" role="alert">
          {actionError}
        </div>
      )}
      {query.isPending ? (
        <p className="muted">{loadingText}</p>
      ) : query.isError ? (
        <div className="alert alert-error" role="alert">
          {errorMessage(query.error)}{' '}
          <button type="button" onClick={() => query.refetch()}>
            Retry
          </button>
        </div>
      ) : query.data.items.length === 0 ? (
        <p className="empty-state">{emptyText}</p>
      ) : (
        children(query.data)
      )}
    </>
  );
}
