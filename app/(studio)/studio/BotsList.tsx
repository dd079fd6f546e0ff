'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog, Dialog, DialogFormActions } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { Pagination } from '@/app/_components/listPage/Pagination';
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
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
  const onError = (error: unknown) => setActionError(errorMessage(error));
  const duplicate = useMutation(
    trpc.bots.duplicate.mutationOptions({ onSuccess: refresh, onError }),
  );
  const remove = useMutation(trpc.bots.delete.mutationOptions({ onSuccess: refresh, onError }));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Bots</h1>
          <p className="muted">Design conversation flows, train intents and publish versions.</p>
        </div>
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
      </div>

      <div className="card stack">
        <SearchBox
          label="Search bots"
          placeholder="Search bots by name"
          value={search}
          onChange={setSearch}
        />
        {actionError && (
          <div className="alert alert-error" role="alert">
            {actionError}
          </div>
        )}
        {list.isPending ? (
          <p className="muted">Loading bots…</p>
        ) : list.isError ? (
          <div className="alert alert-error" role="alert">
            {errorMessage(list.error)}{' '}
            <button type="button" onClick={() => list.refetch()}>
              Retry
            </button>
          </div>
        ) : list.data.items.length === 0 ? (
          <p className="empty-state">
            {debouncedSearch
              ? `No bots match “${debouncedSearch}”.`
              : canEdit
                ? 'No bots yet. Create one from the Customer support template to start.'
                : 'No bots yet.'}
          </p>
        ) : (
          <>
            <table>
              <thead>
                <tr>
                  <th>Name</th>
                  <th>Published</th>
                  <th>Live</th>
                  <th>Last change</th>
                  {canEdit && <th />}
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((bot) => (
                  <tr key={bot.id}>
                    <td>
                      <Link href={`/studio/bots/${bot.id}`}>{bot.name}</Link>
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
              </tbody>
            </table>
            <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
          </>
        )}
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
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      name: String(form.get('name')),
      template: form.get('template') === 'customerSupport' ? 'customerSupport' : 'blank',
    });
  }
  return (
    <Dialog
      open={open}
      title="New bot"
      onClose={() => {
        create.reset();
        onClose();
      }}
    >
      <form className="stack" onSubmit={onSubmit}>
        {create.isError && <ErrorAlert error={create.error} />}
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
        <DialogFormActions
          onCancel={onClose}
          busy={create.isPending}
          busyLabel="Creating…"
          submitLabel="Create bot"
        />
      </form>
    </Dialog>
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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File)) return;
    importBot.mutate({ text: await file.text() });
  }
  return (
    <Dialog
      open={open}
      title="Import a bot"
      onClose={() => {
        importBot.reset();
        onClose();
      }}
    >
      <form className="stack" onSubmit={onSubmit}>
        {importBot.isError && (
          <div className="alert alert-error" role="alert">
            {errorMessage(importBot.error)}
            {issues.length > 0 && (
              <ul>
                {issues.map((issue) => (
                  <li key={`${issue.path}-${issue.message}`}>
                    {issue.line && `Line ${issue.line}: `}
                    {issue.nodeId && `node “${issue.nodeId}”, `}
                    {issue.path && <code>{issue.path}</code>} {issue.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <label>
          Flow file (.json, as exported from Parley)
          <input name="file" type="file" accept="application/json,.json" required />
        </label>
        <DialogFormActions
          onCancel={onClose}
          busy={importBot.isPending}
          busyLabel="Importing…"
          submitLabel="Import"
        />
      </form>
    </Dialog>
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
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!bot) return;
    rename.mutate({ botId: bot.id, name: String(new FormData(event.currentTarget).get('name')) });
  }
  return (
    <Dialog
      open={bot !== null}
      title="Rename bot"
      onClose={() => {
        rename.reset();
        onClose();
      }}
    >
      <form className="stack" onSubmit={onSubmit}>
        {rename.isError && <ErrorAlert error={rename.error} />}
        <label>
          Name
          <input name="name" required maxLength={120} defaultValue={bot?.name} />
        </label>
        <DialogFormActions onCancel={onClose} busy={rename.isPending} submitLabel="Rename" />
      </form>
    </Dialog>
  );
}
