'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog, Dialog, DialogFormActions } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { SECRET_NAME_PATTERN } from '@/server/deployments/deploymentSecretSchemas';

const NAME_HINT = 'Up to 64 letters, digits and _, not starting with a digit';

/**
 * Values the bot's HTTP actions send in request headers. Values are write-only: the API never
 * returns them, so this card shows names and offers to replace a value, never to reveal it.
 */
export function SecretsCard({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const secrets = useQuery(trpc.deployments.secrets.queryOptions({ id: deploymentId }));
  const [replacing, setReplacing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({
      queryKey: trpc.deployments.secrets.queryKey({ id: deploymentId }),
    });
  const remove = useMutation(
    trpc.deployments.deleteSecret.mutationOptions({
      onSuccess: (_result, { name }) => {
        setDone(`Secret ${name} deleted.`);
        refresh();
      },
      // A secret deleted meanwhile in another tab: the list catches up with the error shown.
      onError: refresh,
    }),
  );
  const names = secrets.data?.map((secret) => secret.name) ?? [];

  return (
    <section className="card stack" aria-labelledby="secrets-heading">
      <h2 id="secrets-heading">Secrets</h2>
      <p className="muted">
        Values this deployment&apos;s bot sends in HTTP request headers, such as API tokens. They
        are stored encrypted and are write-only: once saved, a value cannot be shown again, only
        replaced.
      </p>
      {secrets.isPending && <p className="muted">Loading secrets…</p>}
      {secrets.isError && <ErrorAlert error={secrets.error} />}
      {secrets.isSuccess &&
        (secrets.data.length === 0 ? (
          <div className="empty-state">
            <p>No secrets yet.</p>
            <p>
              An HTTP action refers to a secret by name in its headers, for example{' '}
              <code>{'{"Authorization": {"secret": "ORDERS_TOKEN", "prefix": "Bearer "}}'}</code>.
              When the bot runs, Parley sends the prefix followed by the secret&apos;s value, so the
              value never appears in the flow.
            </p>
          </div>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Updated</th>
                <th>Actions</th>
              </tr>
            </thead>
            <tbody>
              {secrets.data.map((secret) => (
                <tr key={secret.name}>
                  <td>
                    <code>{secret.name}</code>
                  </td>
                  <td>
                    {secret.updatedAt.toLocaleString()} by{' '}
                    {secret.updatedByName ?? 'a user who has since been removed'}
                  </td>
                  <td>
                    <div className="row">
                      <button
                        type="button"
                        aria-label={`Replace ${secret.name}`}
                        onClick={() => {
                          setDone(null);
                          setReplacing(secret.name);
                        }}
                      >
                        Replace
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete ${secret.name}`}
                        disabled={remove.isPending}
                        onClick={() => {
                          setDone(null);
                          setDeleting(secret.name);
                        }}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      {remove.isError && <ErrorAlert error={remove.error} />}
      {done && (
        <div className="alert alert-success" role="status">
          {done}
        </div>
      )}
      <AddSecretForm
        deploymentId={deploymentId}
        existingNames={names}
        onSaved={(name, replaced) => {
          setDone(`Secret ${name} ${replaced ? 'replaced' : 'added'}.`);
          refresh();
        }}
        onEdit={() => setDone(null)}
      />
      <ReplaceSecretDialog
        deploymentId={deploymentId}
        name={replacing}
        onClose={() => setReplacing(null)}
        onSaved={(name) => {
          setReplacing(null);
          setDone(`Secret ${name} replaced.`);
          refresh();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting ?? 'secret'}?`}
        message={`HTTP actions that use ${deleting ?? 'this secret'} fail with SECRET_NOT_FOUND until it is set again.`}
        confirmLabel="Delete secret"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deploymentId, name: deleting });
          setDeleting(null);
        }}
      />
    </section>
  );
}

function AddSecretForm({
  deploymentId,
  existingNames,
  onSaved,
  onEdit,
}: {
  deploymentId: string;
  existingNames: string[];
  onSaved: (name: string, replaced: boolean) => void;
  onEdit: () => void;
}) {
  const trpc = useTRPC();
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const taken = existingNames.includes(name.trim());
  const save = useMutation(trpc.deployments.setSecret.mutationOptions());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const replaced = taken;
    save.mutate(
      { id: deploymentId, name: name.trim(), value },
      {
        onSuccess: (secret) => {
          onSaved(secret.name, replaced);
          setName('');
          setValue('');
        },
      },
    );
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-labelledby="add-secret-heading">
      <h3 id="add-secret-heading">Add a secret</h3>
      <div className="row" style={{ alignItems: 'flex-end' }}>
        <label>
          Name
          <input
            value={name}
            required
            pattern={SECRET_NAME_PATTERN}
            title={NAME_HINT}
            autoComplete="off"
            spellCheck={false}
            placeholder="ORDERS_TOKEN"
            onChange={(event) => {
              onEdit();
              setName(event.target.value);
            }}
          />
        </label>
        <label>
          Value
          <input
            type="password"
            value={value}
            required
            maxLength={4096}
            // Stops the browser offering the admin's own saved password here.
            autoComplete="new-password"
            onChange={(event) => {
              onEdit();
              setValue(event.target.value);
            }}
          />
        </label>
      </div>
      {taken && (
        <p className="muted">
          <code>{name.trim()}</code> is already set: saving replaces its value.
        </p>
      )}
      {save.isError && <ErrorAlert error={save.error} />}
      <div>
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : taken ? 'Replace secret' : 'Add secret'}
        </button>
      </div>
    </form>
  );
}

function ReplaceSecretDialog({
  deploymentId,
  name,
  onClose,
  onSaved,
}: {
  deploymentId: string;
  name: string | null;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const trpc = useTRPC();
  const save = useMutation(
    trpc.deployments.setSecret.mutationOptions({ onSuccess: (secret) => onSaved(secret.name) }),
  );
  const close = () => {
    save.reset();
    onClose();
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name) return;
    const value = String(new FormData(event.currentTarget).get('value') ?? '');
    save.mutate({ id: deploymentId, name, value });
  }

  return (
    <Dialog open={name !== null} title={`Replace ${name ?? 'secret'}`} onClose={close}>
      <form className="stack" onSubmit={onSubmit}>
        <p className="muted">
          The new value takes effect at the bot&apos;s next HTTP action. The old value cannot be
          recovered.
        </p>
        <label>
          New value
          <input
            name="value"
            type="password"
            required
            maxLength={4096}
            autoComplete="new-password"
          />
        </label>
        {save.isError && <ErrorAlert error={save.error} />}
        <DialogFormActions
          onCancel={close}
          busy={save.isPending}
          busyLabel="Saving…"
          submitLabel="Save new value"
        />
      </form>
    </Dialog>
  );
}
