'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { SaveFormFooter } from '@/app/_components/SaveFormFooter';
import { SecretOnce } from '@/app/_components/SecretOnce';
import { useTRPC } from '@/app/_trpc/client';
import {
  IDENTITY_ALGORITHMS,
  IDENTITY_MODES,
  type IdentityAlgorithm,
  type IdentityMode,
} from '@/server/db/enums';
import type { DeploymentView } from '@/server/deployments/deploymentCatalog';
import { CHANNEL_LABELS } from '../DeploymentsAdmin';
import { ActionEndpointsCard } from './ActionEndpointsCard';
import { KnowledgeBaseCard } from './KnowledgeBaseCard';
import { PrechatCard } from './PrechatCard';
import { PushCard } from './PushCard';
import { SecretsCard } from './SecretsCard';

export function DeploymentDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const deployment = useQuery(trpc.deployments.byId.queryOptions({ id }));

  if (deployment.isPending) return <p className="muted">Loading deployment…</p>;
  if (deployment.isError) {
    return (
      <div className="stack">
        <ErrorAlert error={deployment.error} />
        <Link href="/admin/deployments">Back to deployments</Link>
      </div>
    );
  }
  const d = deployment.data;
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          <Link href="/admin/deployments">← Deployments</Link>
          <h1>{d.name}</h1>
          <p className="muted">
            {CHANNEL_LABELS[d.channel]} · public id <code>{d.publicId}</code>
          </p>
        </div>
      </div>
      <ApiKeyCard deployment={d} />
      <IdentityCard deployment={d} />
      <OriginsCard deployment={d} />
      <PrechatCard deploymentId={d.id} />
      <SecretsCard deploymentId={d.id} />
      <ActionEndpointsCard deploymentId={d.id} />
      <KnowledgeBaseCard deploymentId={d.id} />
      <PushCard deploymentId={d.id} />
    </div>
  );
}

function useRefreshDeployment(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    queryClient.invalidateQueries({ queryKey: trpc.deployments.byId.queryKey({ id }) });
    queryClient.invalidateQueries({ queryKey: trpc.deployments.list.queryKey() });
  };
}

function ApiKeyCard({ deployment }: { deployment: DeploymentView }) {
  const trpc = useTRPC();
  const refresh = useRefreshDeployment(deployment.id);
  const [confirming, setConfirming] = useState(false);
  const [newKey, setNewKey] = useState<string | null>(null);
  const rotate = useMutation(
    trpc.deployments.rotateApiKey.mutationOptions({
      onSuccess: (result) => {
        setNewKey(result.apiKey);
        refresh();
      },
    }),
  );
  return (
    <section className="card stack" aria-labelledby="api-key-heading">
      <h2 id="api-key-heading">API key</h2>
      <p>
        Current key starts with <code>{deployment.apiKeyPrefix}…</code>, issued{' '}
        {deployment.apiKeyRotatedAt.toLocaleString()}.
      </p>
      {rotate.isError && <ErrorAlert error={rotate.error} />}
      <div>
        <button type="button" onClick={() => setConfirming(true)} disabled={rotate.isPending}>
          Rotate key
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Rotate the API key?"
        message="The current key stops working at once. Apps using it must switch to the new key."
        confirmLabel="Rotate"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          rotate.mutate({ id: deployment.id });
        }}
      />
      <SecretOnce
        title="New API key"
        label="API key"
        secret={newKey}
        onClose={() => setNewKey(null)}
      />
    </section>
  );
}

function IdentityCard({ deployment }: { deployment: DeploymentView }) {
  const trpc = useTRPC();
  const refresh = useRefreshDeployment(deployment.id);
  const [mode, setMode] = useState<IdentityMode>(deployment.identityMode);
  const [algorithm, setAlgorithm] = useState<IdentityAlgorithm>(
    deployment.identityAlgorithm ?? 'HS256',
  );
  const [secretChoice, setSecretChoice] = useState<'keep' | 'generate' | 'enter'>(
    deployment.hasIdentitySecret ? 'keep' : 'generate',
  );
  const [generated, setGenerated] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.deployments.updateIdentity.mutationOptions({
      onSuccess: (result) => {
        if (result.generatedSecret) setGenerated(result.generatedSecret);
        setSecretChoice('keep');
        setSaved(true);
        refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const secret =
      algorithm !== 'HS256' || secretChoice === 'keep'
        ? undefined
        : secretChoice === 'generate'
          ? 'generate'
          : String(form.get('secret'));
    update.mutate({
      id: deployment.id,
      mode,
      algorithm,
      secret,
      publicKey: algorithm === 'HS256' ? undefined : String(form.get('publicKey') ?? ''),
      audience: String(form.get('audience') ?? ''),
    });
  }

  return (
    <section className="card" aria-labelledby="identity-heading">
      <form className="stack" onSubmit={onSubmit}>
        <h2 id="identity-heading">Customer identity verification</h2>
        <p className="muted">
          Your backend signs a short-lived token naming the signed-in user; Parley verifies it
          before linking a conversation to that customer.
        </p>
        <label>
          Mode
          <select value={mode} onChange={(event) => setMode(event.target.value as IdentityMode)}>
            {IDENTITY_MODES.map((value) => (
              <option key={value} value={value}>
                {value === 'none'
                  ? 'None: all customers are anonymous'
                  : value === 'optional'
                    ? 'Optional: verify when a token is sent'
                    : 'Required: refuse customers without a valid token'}
              </option>
            ))}
          </select>
        </label>
        <label>
          Signing algorithm
          <select
            value={algorithm}
            onChange={(event) => setAlgorithm(event.target.value as IdentityAlgorithm)}
          >
            {IDENTITY_ALGORITHMS.map((value) => (
              <option key={value} value={value}>
                {value === 'HS256'
                  ? 'HS256 (shared secret)'
                  : `${value} (your private key, our public key)`}
              </option>
            ))}
          </select>
        </label>
        {algorithm === 'HS256' ? (
          <fieldset className="stack" style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend>Shared secret</legend>
            {deployment.hasIdentitySecret && (
              <label style={{ flexDirection: 'row' }}>
                <input
                  type="radio"
                  checked={secretChoice === 'keep'}
                  onChange={() => setSecretChoice('keep')}
                />
                Keep the current secret
              </label>
            )}
            <label style={{ flexDirection: 'row' }}>
              <input
                type="radio"
                checked={secretChoice === 'generate'}
                onChange={() => setSecretChoice('generate')}
              />
              Generate a new secret (shown once)
            </label>
            <label style={{ flexDirection: 'row' }}>
              <input
                type="radio"
                checked={secretChoice === 'enter'}
                onChange={() => setSecretChoice('enter')}
              />
              Enter my own secret
            </label>
            {secretChoice === 'enter' && (
              <input
                name="secret"
                type="password"
                minLength={32}
                required
                aria-label="Shared secret"
              />
            )}
          </fieldset>
        ) : (
          <label>
            Public key (PEM)
            <textarea
              name="publicKey"
              defaultValue={deployment.identityPublicKey ?? ''}
              placeholder="-----BEGIN PUBLIC KEY-----"
              rows={6}
            />
          </label>
        )}
        <label>
          Audience{' '}
          <span className="muted">
            (optional <code>aud</code> claim the token must carry)
          </span>
          <input name="audience" defaultValue={deployment.identityAudience ?? ''} />
        </label>
        {update.isError && <ErrorAlert error={update.error} />}
        {saved && !update.isPending && (
          <div className="alert alert-success" role="status">
            Identity settings saved.
          </div>
        )}
        <div>
          <button type="submit" className="primary" disabled={update.isPending}>
            {update.isPending ? 'Saving…' : 'Save identity settings'}
          </button>
        </div>
      </form>
      <SecretOnce
        title="New signing secret"
        label="HS256 secret for your backend"
        secret={generated}
        onClose={() => setGenerated(null)}
      />
    </section>
  );
}

function OriginsCard({ deployment }: { deployment: DeploymentView }) {
  const trpc = useTRPC();
  const refresh = useRefreshDeployment(deployment.id);
  const [text, setText] = useState(deployment.allowedOrigins.join('\n'));
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.deployments.updateAllowedOrigins.mutationOptions({
      onSuccess: () => {
        setSaved(true);
        refresh();
      },
    }),
  );
  return (
    <section className="card" aria-labelledby="origins-heading">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          const allowedOrigins = text
            .split(/\s+/)
            .map((line) => line.trim())
            .filter(Boolean);
          update.mutate({ id: deployment.id, allowedOrigins });
        }}
      >
        <h2 id="origins-heading">Allowed origins</h2>
        <p className="muted">
          Websites allowed to call the API from a browser, one per line (for example
          https://shop.example.com). Empty means no browser origin is allowed.
        </p>
        <textarea
          aria-label="Allowed origins"
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={4}
        />
        <SaveFormFooter
          save={update}
          saved={saved}
          savedText="Allowed origins saved."
          submitLabel="Save origins"
        />
      </form>
    </section>
  );
}
