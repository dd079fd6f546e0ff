'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
import { SearchBox } from '@/app/_components/listPage/SearchBox';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { FieldError, useFieldErrors } from '@/app/_components/useFieldErrors';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import { QUICK_TEXT_VARIABLES, quickTextInput } from '@/server/routingConfig/quickTextSchema';
import type { QuickTextRow } from '@/server/routingConfig/quickTexts';

const PAGE_SIZE = 20;

export function QuickTextsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { page, setPage, search, setSearch, debouncedSearch, query } = usePagedSearch(PAGE_SIZE);
  const [editing, setEditing] = useState<QuickTextRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<QuickTextRow | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.routingConfig.quickTexts.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.routingConfig.quickTexts.pathKey() });
  const remove = useMutation(
    trpc.routingConfig.quickTexts.delete.mutationOptions({
      onSuccess: refresh,
      onError: (error) => setActionError(errorMessage(error)),
    }),
  );

  return (
    <>
      <ListPageHeader
        title="Quick texts"
        description="Replies agents insert in the console, with the customer's details filled in."
      >
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New quick text
        </button>
      </ListPageHeader>
      <div className="card stack">
        <SearchBox
          label="Search quick texts"
          placeholder="Search titles and text"
          value={search}
          onChange={setSearch}
        />
        <ListState
          query={list}
          loadingText="Loading quick texts…"
          emptyText={
            debouncedSearch ? `No quick texts match “${debouncedSearch}”.` : 'No quick texts yet.'
          }
          actionError={actionError}
        >
          {({ items, total }) => (
            <ListTable
              columns={['Title', 'Text', 'Last changed']}
              actionsColumn
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={setPage}
            >
              {items.map((text) => (
                <tr key={text.id}>
                  <td>{text.title}</td>
                  <td style={{ whiteSpace: 'pre-wrap', maxWidth: 480 }}>{text.body}</td>
                  <td className="muted">{text.updatedAt.toLocaleString()}</td>
                  <td>
                    <div className="row">
                      <button
                        type="button"
                        aria-label={`Edit ${text.title}`}
                        onClick={() => setEditing(text)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete ${text.title}`}
                        onClick={() => {
                          setActionError(null);
                          setDeleting(text);
                        }}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </div>
      <QuickTextDialog
        text={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete quick text?"
        message={`Agents will no longer find “${deleting?.title}” in the console.`}
        confirmLabel="Delete quick text"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
          setDeleting(null);
        }}
      />
    </>
  );
}

function QuickTextDialog({
  text,
  onClose,
  onSaved,
}: {
  text: QuickTextRow | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const fields = useFieldErrors();
  const create = useMutation(
    trpc.routingConfig.quickTexts.create.mutationOptions({ onError: fields.fromServer }),
  );
  const update = useMutation(
    trpc.routingConfig.quickTexts.update.mutationOptions({ onError: fields.fromServer }),
  );
  const existing = text !== 'new' ? text : null;
  return (
    <FormDialog
      open={text !== null}
      title={existing ? `Edit ${existing.title}` : 'New quick text'}
      mutation={existing ? update : create}
      onClose={() => {
        fields.clear();
        onClose();
      }}
      onSubmit={(form) => {
        const input = fields.check(quickTextInput, {
          title: String(form.get('title')),
          body: String(form.get('body')),
        });
        if (!input) return;
        if (existing) update.mutate({ id: existing.id, ...input }, { onSuccess: onSaved });
        else create.mutate(input, { onSuccess: onSaved });
      }}
      submitLabel={existing ? 'Save quick text' : 'Add quick text'}
      busyLabel="Saving…"
      checksItsFields
    >
      <label>
        Title
        <input name="title" defaultValue={existing?.title ?? ''} {...fields.ariaFor('title')} />
        <FieldError errors={fields} path="title" />
      </label>
      <label>
        Text
        <textarea
          name="body"
          rows={5}
          defaultValue={existing?.body ?? ''}
          aria-describedby="quick-text-variables"
          {...fields.ariaFor('body')}
        />
        <FieldError errors={fields} path="body" />
      </label>
      <div className="help" id="quick-text-variables">
        Variables filled in when an agent inserts the text:{' '}
        {Object.entries(QUICK_TEXT_VARIABLES).map(([name, meaning], index) => (
          <span key={name}>
            {index > 0 && ', '}
            <code>{`{{${name}}}`}</code> {meaning}
          </span>
        ))}
        .
      </div>
    </FormDialog>
  );
}
