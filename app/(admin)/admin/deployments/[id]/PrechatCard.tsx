'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { SaveFormFooter } from '@/app/_components/SaveFormFooter';
import { useKeyedRows } from '@/app/_components/useKeyedRows';
import { useTRPC } from '@/app/_trpc/client';
import { PRECHAT_FIELD_TYPES, type PrechatField } from '@/contract/prechat';
import { SettingsCard } from './SettingsCard';

/** The questions the web widget asks a new customer before the conversation starts. */
export function PrechatCard({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const fields = useQuery(trpc.deployments.prechatFields.queryOptions({ id: deploymentId }));
  return (
    <SettingsCard
      id="prechat"
      title="Pre-chat form"
      intro="Asked by the web widget before a new conversation; the answers are stored with it. No fields means the chat starts at once."
      settings={fields}
      loadingText="Loading fields…"
    >
      {(saved) => <PrechatFieldsForm deploymentId={deploymentId} saved={saved} />}
    </SettingsCard>
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
  const [done, setDone] = useState(false);
  const fields = useKeyedRows<PrechatField>(saved, () => setDone(false));
  const update = useMutation(
    trpc.deployments.updatePrechatFields.mutationOptions({
      onSuccess: (stored) => {
        setDone(true);
        queryClient.setQueryData(
          trpc.deployments.prechatFields.queryKey({ id: deploymentId }),
          stored,
        );
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    update.mutate({ id: deploymentId, fields: fields.values() });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Pre-chat fields">
      {fields.rows.length === 0 && <p>No pre-chat fields.</p>}
      {fields.rows.map((row, index) => (
        <fieldset key={row.key} className="row" style={{ alignItems: 'flex-end' }}>
          <legend>Field {index + 1}</legend>
          <label>
            Label
            <input
              value={row.label}
              required
              maxLength={100}
              onChange={(event) => fields.change(row.key, { label: event.target.value })}
            />
          </label>
          <label>
            Name <span className="muted">(key sent to Parley)</span>
            <input
              value={row.name}
              required
              pattern="[A-Za-z][A-Za-z0-9_]{0,39}"
              title="A letter, then letters, digits or _"
              onChange={(event) => fields.change(row.key, { name: event.target.value })}
            />
          </label>
          <label>
            Type
            <select
              value={row.type}
              onChange={(event) =>
                fields.change(row.key, { type: event.target.value as PrechatField['type'] })
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
              onChange={(event) => fields.change(row.key, { required: event.target.checked })}
            />
            Required
          </label>
          <button type="button" className="danger" onClick={() => fields.remove(row.key)}>
            Remove field {index + 1}
          </button>
        </fieldset>
      ))}
      <SaveFormFooter
        save={update}
        saved={done}
        savedText="Pre-chat form saved."
        submitLabel="Save pre-chat form"
      >
        <button
          type="button"
          onClick={() =>
            fields.add((count) => ({
              name: `field${count + 1}`,
              label: '',
              type: 'text',
              required: false,
            }))
          }
          disabled={fields.rows.length >= 10}
        >
          Add field
        </button>
      </SaveFormFooter>
    </form>
  );
}
