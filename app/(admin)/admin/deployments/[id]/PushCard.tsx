'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { SaveFormFooter } from '@/app/_components/SaveFormFooter';
import { useTRPC } from '@/app/_trpc/client';
import type { CredentialStamp, PushSettingsView } from '@/server/push/pushSettings';

/**
 * Notifications a customer gets when a reply arrives while the app is closed: whether and how
 * they are sent, and the credentials of Apple's and Google's push services. Keys are write-only:
 * once saved, this card says who set them and when, and offers to replace or remove them.
 */
export function PushCard({ deploymentId }: { deploymentId: string }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.push.settings.queryOptions({ deploymentId }));
  return (
    <section className="card stack" aria-labelledby="push-heading">
      <h2 id="push-heading">Push notifications</h2>
      {settings.isPending && <p className="muted">Loading push settings…</p>}
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.isSuccess && (
        <>
          <PushSettingsForm settings={settings.data} />
          <WebPushKey settings={settings.data} />
          <ApnsCredentials settings={settings.data} />
          <FcmCredentials settings={settings.data} />
        </>
      )}
    </section>
  );
}

function useSaved(deploymentId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (view: PushSettingsView) =>
    queryClient.setQueryData(trpc.push.settings.queryKey({ deploymentId }), view);
}

function PushSettingsForm({ settings }: { settings: PushSettingsView }) {
  const trpc = useTRPC();
  const saved = useSaved(settings.deploymentId);
  const [enabled, setEnabled] = useState(settings.enabled);
  const [showText, setShowText] = useState(settings.showText);
  const [title, setTitle] = useState(settings.title ?? '');
  const [quiet, setQuiet] = useState(settings.quietHours !== null);
  const [quietStart, setQuietStart] = useState(settings.quietHours?.start ?? '22:00');
  const [quietEnd, setQuietEnd] = useState(settings.quietHours?.end ?? '07:00');
  const [subject, setSubject] = useState(settings.vapidSubject ?? '');
  const [done, setDone] = useState(false);
  const update = useMutation(
    trpc.push.updateSettings.mutationOptions({
      onSuccess: (view) => {
        saved(view);
        setDone(true);
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    update.mutate({
      deploymentId: settings.deploymentId,
      enabled,
      showText,
      title: title.trim() || null,
      quietHours: quiet ? { start: quietStart, end: quietEnd } : null,
      vapidSubject: subject.trim() || null,
    });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Notification settings">
      <label style={{ flexDirection: 'row' }}>
        <input
          type="checkbox"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
        />
        Send notifications when a reply arrives while the customer is away
      </label>
      <fieldset className="stack" style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend>What the notification says</legend>
        <label style={{ flexDirection: 'row' }}>
          <input type="radio" checked={showText} onChange={() => setShowText(true)} />
          The reply&apos;s text
        </label>
        <label style={{ flexDirection: 'row' }}>
          <input type="radio" checked={!showText} onChange={() => setShowText(false)} />
          Only &ldquo;You have a new reply&rdquo; (nothing private on a locked screen)
        </label>
      </fieldset>
      <label>
        Title <span className="muted">(optional; the deployment&apos;s name when empty)</span>
        <input value={title} maxLength={100} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label style={{ flexDirection: 'row' }}>
        <input
          type="checkbox"
          checked={quiet}
          onChange={(event) => setQuiet(event.target.checked)}
        />
        Quiet hours: hold notifications in the customer&apos;s night, by their device&apos;s time
        zone
      </label>
      {quiet && (
        <div className="row">
          <label>
            From
            <input
              type="time"
              value={quietStart}
              required
              onChange={(event) => setQuietStart(event.target.value)}
            />
          </label>
          <label>
            Until
            <input
              type="time"
              value={quietEnd}
              required
              onChange={(event) => setQuietEnd(event.target.value)}
            />
          </label>
        </div>
      )}
      <label>
        Contact for the push services{' '}
        <span className="muted">(mailto: or https:, sent with every Web Push notification)</span>
        <input
          value={subject}
          placeholder={settings.defaultVapidSubject}
          spellCheck={false}
          onChange={(event) => setSubject(event.target.value)}
        />
      </label>
      <SaveFormFooter
        save={update}
        saved={done}
        savedText="Push settings saved."
        submitLabel="Save push settings"
      />
    </form>
  );
}

function WebPushKey({ settings }: { settings: PushSettingsView }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="stack">
      <h3>Web Push</h3>
      <p className="muted">
        Works without set-up: the web widget offers notifications after a visitor&apos;s first
        message. Apps subscribing browsers themselves use this public key as the
        <code> applicationServerKey</code>.
      </p>
      <div className="row" style={{ alignItems: 'center' }}>
        <code data-testid="vapid-public-key" style={{ wordBreak: 'break-all' }}>
          {settings.vapidPublicKey}
        </code>
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(settings.vapidPublicKey).then(() => setCopied(true))
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

function stampText(stamp: CredentialStamp) {
  return `Set on ${stamp.setAt.toLocaleString()} by ${stamp.setByName ?? 'a user who has since been removed'}.`;
}

function ApnsCredentials({ settings }: { settings: PushSettingsView }) {
  const trpc = useTRPC();
  const saved = useSaved(settings.deploymentId);
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

function FcmCredentials({ settings }: { settings: PushSettingsView }) {
  const trpc = useTRPC();
  const saved = useSaved(settings.deploymentId);
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
