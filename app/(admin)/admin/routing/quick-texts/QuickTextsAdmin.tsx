'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { FieldError } from '@/app/_components/useFieldErrors';
import { useTRPC } from '@/app/_trpc/client';
import { QUICK_TEXT_VARIABLES, quickTextInput } from '@/server/routingConfig/quickTextSchema';
import type { QuickTextRow } from '@/server/routingConfig/quickTexts';
import { NamedRecordsPage, type RecordFormProps } from '../_components/NamedRecordsPage';
import { RecordFormDialog } from '../_components/RecordFormDialog';

const PAGE_SIZE = 20;

export function QuickTextsAdmin() {
  const trpc = useTRPC();
  const paged = usePagedSearch(PAGE_SIZE);
  const list = useQuery({
    ...trpc.routingConfig.quickTexts.list.queryOptions(paged.query),
    placeholderData: keepPreviousData,
  });

  return (
    <NamedRecordsPage
      title="Quick texts"
      description="Replies agents insert in the console, with the customer's details filled in."
      newRecord={{ label: 'New quick text' }}
      search={{
        label: 'Search quick texts',
        placeholder: 'Search titles and text',
        pageSize: PAGE_SIZE,
        state: paged,
      }}
      list={list}
      loadingText="Loading quick texts…"
      emptyText={
        paged.debouncedSearch
          ? `No quick texts match “${paged.debouncedSearch}”.`
          : 'No quick texts yet.'
      }
      columns={[
        { header: 'Title', cell: (text) => text.title },
        {
          header: 'Text',
          cell: (text) => (
            <span style={{ display: 'block', whiteSpace: 'pre-wrap', maxWidth: 480 }}>
              {text.body}
            </span>
          ),
        },
        {
          header: 'Last changed',
          cell: (text) => <span className="muted">{text.updatedAt.toLocaleString()}</span>,
        },
      ]}
      nameOf={(text) => text.title}
      form={(props) => <QuickTextDialog {...props} />}
      remove={{
        mutation: trpc.routingConfig.quickTexts.delete.mutationOptions(),
        invalidates: trpc.routingConfig.quickTexts.pathKey(),
        title: 'Delete quick text?',
        confirmLabel: 'Delete quick text',
        message: (text) => `Agents will no longer find “${text.title}” in the console.`,
      }}
    />
  );
}

function QuickTextDialog(props: RecordFormProps<QuickTextRow>) {
  const trpc = useTRPC();
  return (
    <RecordFormDialog
      {...props}
      schema={quickTextInput}
      read={(form) => ({ title: String(form.get('title')), body: String(form.get('body')) })}
      create={trpc.routingConfig.quickTexts.create.mutationOptions()}
      update={trpc.routingConfig.quickTexts.update.mutationOptions()}
      title={(existing) => (existing ? `Edit ${existing.title}` : 'New quick text')}
      submitLabel={(existing) => (existing ? 'Save quick text' : 'Add quick text')}
    >
      {(existing, fields) => (
        <>
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
        </>
      )}
    </RecordFormDialog>
  );
}
