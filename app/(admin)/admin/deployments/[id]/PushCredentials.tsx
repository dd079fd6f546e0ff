'use client';

import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { CredentialStamp, PushSettingsView } from '@/server/push/pushSettings';
import { useSavePushSettingsView } from './useSavePushSettingsView';

/**
 * The keys of Apple's and Google's push services. Write-only: once saved, the page says who
 * set them and when, and offers to replace or remove them, never to show them.
 */

function stampText(stamp: CredentialStamp) {
  return `Set on ${stamp.setAt.toLocaleString()} by ${stamp.setByName ?? 'a user who has since been removed'}.`;
}

export function ApnsCredentials({ settings }: { settings: PushSettingsView }) {
  const trpc = useTRPC();
  const saved = useSavePushSettingsView(settings.deploymentId);
  const set = useMutation(trpc.push.setApns.mutationOptions({ onSuccess: saved }));
  const clear = useMutation(trpc.push.clearApns.mutationOptions({ onSuccess: saved }));
  const apns = settings.apns;
  return (
    <CredentialBlock
      heading="Apple Push Notification service (iOS)"
      summary={
        apns && (
          <p>
            Team ID <code>{apns.teamId}</code>, key ID <code>{apns.keyId}</code>. {stampText(apns)}
          </p>
        )
      }
      emptyText="Not set: iOS devices get no notifications. Create a key under Certificates, Identifiers & Profiles → Keys in your Apple developer account, with Apple Push Notifications service enabled."
      removeTitle="Remove the APNs key?"
      removeMessage="iOS devices stop getting notifications until a key is set again."
      save={set}
      clear={clear}
      onRemove={() => clear.mutate({ deploymentId: settings.deploymentId })}
      onSubmit={(form) =>
        set.mutateAsync({
          deploymentId: settings.deploymentId,
          teamId: String(form.get('teamId') ?? '').trim(),
          keyId: String(form.get('keyId') ?? '').trim(),
          privateKeyPem: String(form.get('privateKeyPem') ?? ''),
        })
      }
      fields={
        <>
          <div className="row">
            <label>
              Team ID
              <input
                name="teamId"
                required
                pattern="[A-Z0-9]{10}"
                defaultValue={apns?.teamId}
                spellCheck={false}
              />
            </label>
            <label>
              Key ID
              <input
                name="keyId"
                required
                pattern="[A-Z0-9]{10}"
                defaultValue={apns?.keyId}
                spellCheck={false}
              />
            </label>
          </div>
          <label>
            Key (.p8 file contents)
            <textarea
              name="privateKeyPem"
              required
              rows={5}
              spellCheck={false}
              placeholder="-----BEGIN PRIVATE KEY-----"
            />
          </label>
        </>
      }
    />
  );
}

export function FcmCredentials({ settings }: { settings: PushSettingsView }) {
  const trpc = useTRPC();
  const saved = useSavePushSettingsView(settings.deploymentId);
  const set = useMutation(trpc.push.setFcm.mutationOptions({ onSuccess: saved }));
  const clear = useMutation(trpc.push.clearFcm.mutationOptions({ onSuccess: saved }));
  const fcm = settings.fcm;
  return (
    <CredentialBlock
      heading="Firebase Cloud Messaging (Android)"
      summary={
        fcm && (
          <p>
            Project <code>{fcm.projectId}</code>, service account <code>{fcm.clientEmail}</code>.{' '}
            {stampText(fcm)}
          </p>
        )
      }
      emptyText="Not set: Android devices get no notifications. Download a key in Firebase → Project settings → Service accounts → Generate new private key."
      removeTitle="Remove the FCM service account?"
      removeMessage="Android devices stop getting notifications until a service account is set again."
      save={set}
      clear={clear}
      onRemove={() => clear.mutate({ deploymentId: settings.deploymentId })}
      onSubmit={(form) =>
        set.mutateAsync({
          deploymentId: settings.deploymentId,
          serviceAccountJson: String(form.get('serviceAccountJson') ?? ''),
        })
      }
      fields={
        <label>
          Service account key (JSON file contents)
          <textarea
            name="serviceAccountJson"
            required
            rows={6}
            spellCheck={false}
            placeholder='{"type": "service_account", "project_id": …}'
          />
        </label>
      }
    />
  );
}

/** A write-only credential: what is set, or a form to set it; replace and remove when set. */
function CredentialBlock({
  heading,
  summary,
  emptyText,
  removeTitle,
  removeMessage,
  save,
  clear,
  onRemove,
  onSubmit,
  fields,
}: {
  heading: string;
  summary: ReactNode;
  emptyText: string;
  removeTitle: string;
  removeMessage: string;
  save: { isPending: boolean; isError: boolean; error: unknown; reset: () => void };
  clear: { isPending: boolean; isError: boolean; error: unknown };
  onRemove: () => void;
  onSubmit: (form: FormData) => Promise<unknown>;
  fields: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const isSet = Boolean(summary);
  const showForm = editing || !isSet;

  return (
    <section className="stack" aria-label={heading}>
      <h3>{heading}</h3>
      {isSet ? summary : <p className="muted">{emptyText}</p>}
      {isSet && !editing && (
        <div className="row">
          <button type="button" onClick={() => setEditing(true)}>
            Replace
          </button>
          <button
            type="button"
            className="danger"
            disabled={clear.isPending}
            onClick={() => setRemoving(true)}
          >
            Remove
          </button>
        </div>
      )}
      {clear.isError && <ErrorAlert error={clear.error} />}
      {showForm && (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            const form = event.currentTarget;
            onSubmit(new FormData(form)).then(
              () => {
                form.reset();
                setEditing(false);
              },
              // The error shows under the form, which keeps what was typed.
              () => undefined,
            );
          }}
        >
          {fields}
          {save.isError && <ErrorAlert error={save.error} />}
          <div className="row">
            <button type="submit" className="primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : isSet ? 'Save new key' : 'Save key'}
            </button>
            {isSet && (
              <button
                type="button"
                onClick={() => {
                  save.reset();
                  setEditing(false);
                }}
              >
                Cancel
              </button>
            )}
          </div>
        </form>
      )}
      <ConfirmDialog
        open={removing}
        title={removeTitle}
        message={removeMessage}
        confirmLabel="Remove"
        danger
        onCancel={() => setRemoving(false)}
        onConfirm={() => {
          setRemoving(false);
          onRemove();
        }}
      />
    </section>
  );
}
