'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { SaveFormFooter } from '@/app/_components/SaveFormFooter';
import { useTRPC } from '@/app/_trpc/client';
import type { ActionEndpoints } from '@/server/deployments/deploymentSchemas';
import { SECRET_NAME_PATTERN } from '@/server/deployments/deploymentSecretSchemas';
import { SettingsCard } from './SettingsCard';

/** Where the bot's built-in order-status and password-reset actions send their requests. */
export function ActionEndpointsCard({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.deployments.actionEndpoints.queryOptions({ id: deploymentId }));
  return (
    <SettingsCard
      id="action-endpoints"
      title="Self-service actions"
      intro="The services the bot's order-status and password-reset actions call for customers of this deployment. An action without a URL takes its failure path."
      settings={endpoints}
      loadingText="Loading action settings…"
    >
      {(saved) => <ActionEndpointsForm deploymentId={deploymentId} saved={saved} />}
    </SettingsCard>
  );
}

const URL_FIELDS = [
  {
    field: 'orderStatusUrl',
    label: 'Order status URL',
    hint: 'the order number is added to the path',
    placeholder: 'https://shop.example.com/api/orders',
  },
  {
    field: 'passwordResetUrl',
    label: 'Password reset URL',
    hint: "receives the customer's email",
    placeholder: 'https://shop.example.com/api/password-reset',
  },
] as const;

function ActionEndpointsForm({
  deploymentId,
  saved,
}: {
  deploymentId: string;
  saved: ActionEndpoints;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const secretsListId = useId();
  const secrets = useQuery(trpc.deployments.secrets.queryOptions({ id: deploymentId }));
  const [form, setForm] = useState({
    orderStatusUrl: saved.orderStatusUrl,
    passwordResetUrl: saved.passwordResetUrl,
    endpointTokenSecret: saved.endpointTokenSecret,
    hosts: saved.outboundAllowList.join('\n'),
  });
  const [done, setDone] = useState(false);
  const update = useMutation(
    trpc.deployments.updateActionEndpoints.mutationOptions({
      onSuccess: (endpoints) => {
        setDone(true);
        setForm((current) => ({ ...current, hosts: endpoints.outboundAllowList.join('\n') }));
        queryClient.setQueryData(
          trpc.deployments.actionEndpoints.queryKey({ id: deploymentId }),
          endpoints,
        );
      },
    }),
  );
  const change = (patch: Partial<typeof form>) => {
    setDone(false);
    setForm((current) => ({ ...current, ...patch }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    update.mutate({
      id: deploymentId,
      orderStatusUrl: form.orderStatusUrl.trim(),
      passwordResetUrl: form.passwordResetUrl.trim(),
      endpointTokenSecret: form.endpointTokenSecret.trim(),
      outboundAllowList: form.hosts.split(/\s+/).filter(Boolean),
    });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Self-service actions">
      {URL_FIELDS.map(({ field, label, hint, placeholder }) => (
        <label key={field}>
          {label} <span className="muted">({hint})</span>
          <input
            type="url"
            placeholder={placeholder}
            value={form[field]}
            onChange={(event) => change({ [field]: event.target.value })}
          />
        </label>
      ))}
      <label>
        Bearer token secret <span className="muted">(a secret of this deployment; optional)</span>
        <input
          list={secretsListId}
          pattern={SECRET_NAME_PATTERN}
          title="A secret name: letters, digits and _, not starting with a digit"
          spellCheck={false}
          value={form.endpointTokenSecret}
          onChange={(event) => change({ endpointTokenSecret: event.target.value })}
        />
        <datalist id={secretsListId}>
          {secrets.data?.map((secret) => (
            <option key={secret.name} value={secret.name} />
          ))}
        </datalist>
      </label>
      <label>
        Private hosts the bot may call{' '}
        <span className="muted">
          (one per line, like orders.internal or *.corp.example; private network addresses only:
          this machine, link-local and cloud metadata addresses stay out of reach unless the
          operator trusts the origin)
        </span>
        <textarea
          rows={3}
          spellCheck={false}
          value={form.hosts}
          onChange={(event) => change({ hosts: event.target.value })}
        />
      </label>
      <SaveFormFooter
        save={update}
        saved={done}
        savedText="Action settings saved."
        submitLabel="Save action settings"
      />
    </form>
  );
}
