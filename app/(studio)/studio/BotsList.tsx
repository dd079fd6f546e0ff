'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
import { SearchBox } from '@/app/_components/listPage/SearchBox';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { FlowDocumentIssue } from '@/server/bots/requireLoadableFlow';

const PAGE_SIZE = 20;

export function BotsList({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { page, setPage, search, setSearch, debouncedSearch, query } = usePagedSearch(PAGE_SIZE);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const list = useQuery({
    ...trpc.bots.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  // Customer messages are for bot editors only, so QA's list goes without the counts.
  const openCounts = useQuery({
    ...trpc.misunderstood.openCounts.queryOptions(),
    enabled: canEdit,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
  const onError = (error: unknown) => setActionError(errorMessage(error));
  const duplicate = useMutation(
    trpc.bots.duplicate.mutationOptions({ onSuccess: refresh, onError }),
  );
  const remove = useMutation(trpc.bots.delete.mutationOptions({ onSuccess: refresh, onError }));

  return (
    <>
      <ListPageHeader
        title="Bots"
        description="Design conversation flows, train intents and publish versions."
      >
        {canEdit && (
          <div className="row">
            <button type="button" onClick={() => setImporting(true)}>
              Import…
            </button>
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              New bot
            </button>
          </div>
        )}
      </ListPageHeader>

      <div className="card stack">
        <SearchBox
          label="Search bots"
          placeholder="Search bots by name"
          value={search}
          onChange={setSearch}
        />
        <ListState
          query={list}
          loadingText="Loading bots…"
          emptyText={
            debouncedSearch
              ? `No bots match “${debouncedSearch}”.`
              : canEdit
                ? 'No bots yet. Create one from the Customer support template to start.'
                : 'No bots yet.'
          }
          actionError={actionError}
        >
          {({ items, total }) => (
            <ListTable
              columns={['Name', 'Published', 'Live', 'Last change']}
              actionsColumn={canEdit}
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={setPage}
            >
              {items.map((bot) => (
                <tr key={bot.id}>
                  <td>
                    <Link href={`/studio/bots/${bot.id}`}>{bot.name}</Link>
                    <MisunderstoodBadge botId={bot.id} count={openCounts.data?.[bot.id] ?? 0} />
                    {bot.description && <div className="muted clamp">{bot.description}</div>}
                  </td>
                  <td>
                    {bot.latestVersion ? (
                      <span className="badge">v{bot.latestVersion}</span>
                    ) : (
                      <span className="muted">never</span>
                    )}
                  </td>
                  <td>
                    {bot.liveDeployments > 0 ? (
                      <span className="badge badge-success">
                        {bot.liveDeployments} deployment{bot.liveDeployments === 1 ? '' : 's'}
                      </span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="muted">{bot.updatedAt.toLocaleString()}</td>
                  {canEdit && (
                    <td>
                      <div className="row">
                        <button
                          type="button"
                          onClick={() => setRenaming({ id: bot.id, name: bot.name })}
                        >
                          Rename
                        </button>
                        <button
                          type="button"
                          disabled={duplicate.isPending}
                          onClick={() => {
                            setActionError(null);
                            duplicate.mutate({ botId: bot.id });
                          }}
                        >
                          Duplicate
                        </button>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => setDeleting({ id: bot.id, name: bot.name })}
                        >
                          Delete
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </div>

      <CreateBotDialog open={creating} onClose={() => setCreating(false)} />
      <ImportBotDialog open={importing} onClose={() => setImporting(false)} />
      <RenameBotDialog
        bot={renaming}
        onClose={() => setRenaming(null)}
        onRenamed={() => {
          setRenaming(null);
          refresh();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete bot?"
        message={`${deleting?.name} and all its published versions will be deleted. This cannot be undone.`}
        confirmLabel="Delete"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          setActionError(null);
          if (deleting) remove.mutate({ botId: deleting.id });
          setDeleting(null);
        }}
      />
    </>
  );
}

function CreateBotDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const create = useMutation(
    trpc.bots.create.mutationOptions({
      onSuccess: (bot) => router.push(`/studio/bots/${bot.id}`),
    }),
  );
  return (
    <FormDialog
      open={open}
      title="New bot"
      mutation={create}
      onClose={onClose}
      onSubmit={(form) =>
        create.mutate({
          name: String(form.get('name')),
          template: form.get('template') === 'customerSupport' ? 'customerSupport' : 'blank',
        })
      }
      busyLabel="Creating…"
      submitLabel="Create bot"
    >
      <label>
        Name
        <input name="name" required maxLength={120} />
      </label>
      <label>
        Start from
        <select name="template" defaultValue="customerSupport">
          <option value="customerSupport">Customer support template</option>
          <option value="blank">Blank (a start node only)</option>
        </select>
      </label>
    </FormDialog>
  );
}

function ImportBotDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const importBot = useMutation(
    trpc.bots.import.mutationOptions({
      onSuccess: (bot) => router.push(`/studio/bots/${bot.id}`),
    }),
  );
  const issues =
    importBot.error instanceof TRPCClientError &&
    importBot.error.data?.domainCode === 'FLOW_INVALID'
      ? (importBot.error.data.domainDetails as { issues: FlowDocumentIssue[] }).issues
      : [];

  async function onSubmit(form: FormData) {
    const file = form.get('file');
    if (!(file instanceof File)) return;
    importBot.mutate({ text: await file.text() });
  }
  return (
    <FormDialog
      open={open}
      title="Import a bot"
      mutation={importBot}
      onClose={onClose}
      onSubmit={onSubmit}
      busyLabel="Importing…"
      submitLabel="Import"
      errorDetails={
        issues.length > 0 && (
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>
                {issue.line && `Line ${issue.line}: `}
                {issue.nodeId && `node “${issue.nodeId}”, `}
                {issue.path && <code>{issue.path}</code>} {issue.message}
              </li>
            ))}
          </ul>
        )
      }
    >
      <label>
        Flow file (.json, as exported from Parley)
        <input name="file" type="file" accept="application/json,.json" required />
      </label>
    </FormDialog>
  );
}

function RenameBotDialog({
  bot,
  onClose,
  onRenamed,
}: {
  bot: { id: string; name: string } | null;
  onClose: () => void;
  onRenamed: () => void;
}) {
  const trpc = useTRPC();
  const rename = useMutation(trpc.bots.rename.mutationOptions({ onSuccess: onRenamed }));
  return (
    <FormDialog
      open={bot !== null}
      title="Rename bot"
      mutation={rename}
      onClose={onClose}
      onSubmit={(form) => {
        if (bot) rename.mutate({ botId: bot.id, name: String(form.get('name')) });
      }}
      submitLabel="Rename"
    >
      <label>
        Name
        <input name="name" required maxLength={120} defaultValue={bot?.name} />
      </label>
    </FormDialog>
  );
}

/** The bot's open misunderstood messages, linking to its inbox; nothing when there are none. */
function MisunderstoodBadge({ botId, count }: { botId: string; count: number }) {
  if (count === 0) return null;
  return (
    <>
      {' '}
      <Link
        className="badge badge-danger"
        href={`/studio/bots/${botId}/misunderstood`}
        title="Customer messages the bot did not understand, waiting for review"
      >
        {count} misunderstood
      </Link>
    </>
  );
}
