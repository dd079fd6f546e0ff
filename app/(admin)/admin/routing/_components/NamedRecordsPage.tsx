'use client';

import {
  type QueryKey,
  type UseMutationOptions,
  type UseQueryResult,
  useMutation,
  useQueryClient,
} from '@tanstack/react-query';
import Link from 'next/link';
import { type ReactNode, useId, useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
import { SearchBox } from '@/app/_components/listPage/SearchBox';
import type { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { errorMessage } from '@/app/_trpc/client';

export interface RecordColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

/** What the form dialog of a list page is told: the record it edits, or `'new'`, or none. */
export interface RecordFormProps<Row> {
  record: Row | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * One of Admin → Routing's lists of named records (skills, queues, statuses, quick texts): the
 * header with its "New …" action, an optional search over pages, the loading, failed and empty
 * states, a table whose rows can be edited in the page's form dialog (or on their own page)
 * and deleted after a confirmation that says what deleting does.
 */
export function NamedRecordsPage<Row extends { id: string }, DeleteData, DeleteError>({
  title,
  description,
  newRecord,
  search,
  list,
  loadingText,
  emptyText,
  listHeading,
  intro,
  columns,
  nameOf,
  editLabel = 'Edit',
  form,
  remove,
}: {
  title: string;
  description: string;
  /** "New …": opens the form dialog, or goes to `href` where records have a page of their own. */
  newRecord: { label: string; href?: string };
  search?: {
    label: string;
    placeholder: string;
    pageSize: number;
    state: ReturnType<typeof usePagedSearch>;
  };
  list: UseQueryResult<{ items: Row[]; total: number }, unknown>;
  loadingText: string;
  emptyText: string;
  /** A heading over the list, when the page shows something else first (`intro`). */
  listHeading?: string;
  intro?: ReactNode;
  columns: RecordColumn<Row>[];
  /** The record's name, for its buttons' accessible names ("Delete Lunch"). */
  nameOf: (row: Row) => string;
  editLabel?: string;
  /** The form dialog that creates and edits records; without it, rows have no edit button. */
  form?: (props: RecordFormProps<Row>) => ReactNode;
  remove: {
    mutation: UseMutationOptions<DeleteData, DeleteError, { id: string }>;
    /** What to read again once a record is gone. */
    invalidates: QueryKey;
    title: string;
    confirmLabel: string;
    message: (row: Row) => string;
  };
}) {
  const queryClient = useQueryClient();
  const headingId = useId();
  const [editing, setEditing] = useState<Row | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Row | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: remove.invalidates });
  const deletion = useMutation({
    ...remove.mutation,
    onSuccess: () => refresh(),
    onError: (error) => setActionError(errorMessage(error)),
  });

  const rows = (items: Row[]) =>
    items.map((row) => (
      <tr key={row.id}>
        {columns.map((column) => (
          <td key={column.header}>{column.cell(row)}</td>
        ))}
        <td>
          <div className="row">
            {form && (
              <button
                type="button"
                aria-label={`${editLabel} ${nameOf(row)}`}
                onClick={() => setEditing(row)}
              >
                {editLabel}
              </button>
            )}
            <button
              type="button"
              className="danger"
              aria-label={`Delete ${nameOf(row)}`}
              onClick={() => {
                setActionError(null);
                setDeleting(row);
              }}
            >
              Delete
            </button>
          </div>
        </td>
      </tr>
    ));

  const listCard = (
    <section className="card stack" aria-labelledby={listHeading ? headingId : undefined}>
      {listHeading && <h2 id={headingId}>{listHeading}</h2>}
      {search && (
        <SearchBox
          label={search.label}
          placeholder={search.placeholder}
          value={search.state.search}
          onChange={search.state.setSearch}
        />
      )}
      <ListState
        query={list}
        loadingText={loadingText}
        emptyText={emptyText}
        actionError={actionError}
      >
        {({ items, total }) =>
          search ? (
            <ListTable
              columns={columns.map((column) => column.header)}
              actionsColumn
              page={search.state.page}
              pageSize={search.pageSize}
              total={total}
              onPage={search.state.setPage}
            >
              {rows(items)}
            </ListTable>
          ) : (
            <table>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th key={column.header}>{column.header}</th>
                  ))}
                  <th />
                </tr>
              </thead>
              <tbody>{rows(items)}</tbody>
            </table>
          )
        }
      </ListState>
    </section>
  );

  return (
    <>
      <ListPageHeader title={title} description={description}>
        {newRecord.href ? (
          <Link className="button primary" href={newRecord.href}>
            {newRecord.label}
          </Link>
        ) : (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {newRecord.label}
          </button>
        )}
      </ListPageHeader>
      {intro ? (
        <div className="stack">
          {intro}
          {listCard}
        </div>
      ) : (
        listCard
      )}
      {form?.({
        record: editing,
        onClose: () => setEditing(null),
        onSaved: () => {
          setEditing(null);
          void refresh();
        },
      })}
      <ConfirmDialog
        open={deleting !== null}
        title={remove.title}
        message={deleting ? remove.message(deleting) : ''}
        confirmLabel={remove.confirmLabel}
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) deletion.mutate({ id: deleting.id });
          setDeleting(null);
        }}
      />
    </>
  );
}
