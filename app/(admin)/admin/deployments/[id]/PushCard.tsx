'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { SaveFormFooter } from '@/app/_components/SaveFormFooter';
import { useTRPC } from '@/app/_trpc/client';
import type { PushSettingsView } from '@/server/push/pushSettings';
import { ApnsCredentials, FcmCredentials } from './PushCredentials';
import { useSavePushSettingsView } from './useSavePushSettingsView';

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

function PushSettingsForm({ settings }: { settings: PushSettingsView }) {
  const trpc = useTRPC();
  const saved = useSavePushSettingsView(settings.deploymentId);
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
        Title <span className="muted">(optional)</span>
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
      {!subject.trim() && !/^(https|mailto):/.test(settings.defaultVapidSubject) && (
        <p className="muted">
          Empty means {settings.defaultVapidSubject}, which push services refuse because it is
          neither https: nor mailto:. Give a mailto: address before relying on Web Push.
        </p>
      )}
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
