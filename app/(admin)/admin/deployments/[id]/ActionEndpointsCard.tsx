'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { ActionEndpoints } from '@/server/deployments/deploymentSchemas';
import { SECRET_NAME_PATTERN } from '@/server/deployments/deploymentSecretSchemas';

/** Where the bot's built-in order-status and password-reset actions send their requests. */
export function ActionEndpointsCard({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const endpoints = useQuery(trpc.deployments.actionEndpoints.queryOptions({ id: deploymentId }));
  return (
    <section className="card stack" aria-labelledby="action-endpoints-heading">
      <h2 id="action-endpoints-heading">Self-service actions</h2>
      <p className="muted">
        The services the bot&apos;s order-status and password-reset actions call for customers of
        this deployment. An action without a URL takes its failure path.
      </p>
      {endpoints.isPending && <p className="muted">Loading action settings…</p>}
      {endpoints.isError && <ErrorAlert error={endpoints.error} />}
      {endpoints.isSuccess && (
        <ActionEndpointsForm deploymentId={deploymentId} saved={endpoints.data} />
      )}
    </section>
  );
}

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
      <label>
        Order status URL <span className="muted">(the order number is added to the path)</span>
        <input
          type="url"
          placeholder="https://shop.example.com/api/orders"
          value={form.orderStatusUrl}
          onChange={(event) => change({ orderStatusUrl: event.target.value })}
        />
      </label>
      <label>
        Password reset URL <span className="muted">(receives the customer&apos;s email)</span>
        <input
          type="url"
          placeholder="https://shop.example.com/api/password-reset"
          value={form.passwordResetUrl}
          onChange={(event) => change({ passwordResetUrl: event.target.value })}
        />
      </label>
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
          this machine, link-local and cloud metadata addresses stay out of reach)
        </span>
        <textarea
          rows={3}
          spellCheck={false}
          value={form.hosts}
          onChange={(event) => change({ hosts: event.target.value })}
        />
      </label>
      {update.isError && <ErrorAlert error={update.error} />}
      {done && !update.isPending && (
        <div className="alert alert-success" role="status">
          Action settings saved.
        </div>
      )}
      <div>
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save action settings'}
        </button>
      </div>
    </form>
  );
}
