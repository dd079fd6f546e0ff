'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import { PRECHAT_FIELD_TYPES, type PrechatField } from '@/server/http/contract/prechat';

type FieldRow = PrechatField & { key: number };

/** The questions the web widget asks a new customer before the conversation starts. */
export function PrechatCard({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const fields = useQuery(trpc.deployments.prechatFields.queryOptions({ id: deploymentId }));
  return (
    <section className="card stack" aria-labelledby="prechat-heading">
      <h2 id="prechat-heading">Pre-chat form</h2>
      <p className="muted">
        Asked by the web widget before a new conversation; the answers are stored with it. No fields
        means the chat starts at once.
      </p>
      {fields.isPending && <p className="muted">Loading fields…</p>}
      {fields.isError && <ErrorAlert error={fields.error} />}
      {fields.isSuccess && <PrechatFieldsForm deploymentId={deploymentId} saved={fields.data} />}
    </section>
  );
}

function PrechatFieldsForm({
  deploymentId,
  saved,
}: {
  deploymentId: string;
  saved: PrechatField[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const nextKey = useRef(saved.length);
  const [rows, setRows] = useState<FieldRow[]>(() =>
    saved.map((field, index) => ({ ...field, key: index })),
  );
  const [done, setDone] = useState(false);
  const update = useMutation(
    trpc.deployments.updatePrechatFields.mutationOptions({
      onSuccess: (fields) => {
        setDone(true);
        queryClient.setQueryData(
          trpc.deployments.prechatFields.queryKey({ id: deploymentId }),
          fields,
        );
      },
    }),
  );

  const change = (key: number, patch: Partial<PrechatField>) => {
    setDone(false);
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const add = () => {
    setDone(false);
    const key = nextKey.current++;
    setRows((current) => [
      ...current,
      { key, name: `field${current.length + 1}`, label: '', type: 'text', required: false },
    ]);
  };
  const remove = (key: number) => {
    setDone(false);
    setRows((current) => current.filter((row) => row.key !== key));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    update.mutate({ id: deploymentId, fields: rows.map(({ key: _key, ...field }) => field) });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Pre-chat fields">
      {rows.length === 0 && <p>No pre-chat fields.</p>}
      {rows.map((row, index) => (
        <fieldset key={row.key} className="row" style={{ alignItems: 'flex-end' }}>
          <legend>Field {index + 1}</legend>
          <label>
            Label
            <input
              value={row.label}
              required
              maxLength={100}
              onChange={(event) => change(row.key, { label: event.target.value })}
            />
          </label>
          <label>
            Name <span className="muted">(key sent to Parley)</span>
            <input
              value={row.name}
              required
              pattern="[A-Za-z][A-Za-z0-9_]{0,39}"
              title="A letter, then letters, digits or _"
              onChange={(event) => change(row.key, { name: event.target.value })}
            />
          </label>
          <label>
            Type
            <select
              value={row.type}
              onChange={(event) =>
                change(row.key, { type: event.target.value as PrechatField['type'] })
              }
            >
              {PRECHAT_FIELD_TYPES.map((type) => (
                <option key={type} value={type}>
                  {type === 'email' ? 'Email' : 'Text'}
                </option>
              ))}
            </select>
          </label>
          <label style={{ flexDirection: 'row' }}>
            <input
              type="checkbox"
              checked={row.required}
              onChange={(event) => change(row.key, { required: event.target.checked })}
            />
            Required
          </label>
          <button type="button" className="danger" onClick={() => remove(row.key)}>
            Remove field {index + 1}
          </button>
        </fieldset>
      ))}
      {update.isError && <ErrorAlert error={update.error} />}
      {done && !update.isPending && (
        <div className="alert alert-success" role="status">
          Pre-chat form saved.
        </div>
      )}
      <div className="row">
        <button type="button" onClick={add} disabled={rows.length >= 10}>
          Add field
        </button>
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save pre-chat form'}
        </button>
      </div>
    </form>
  );
}
