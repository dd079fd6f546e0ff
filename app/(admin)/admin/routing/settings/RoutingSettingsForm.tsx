'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { SaveFormFooter } from '@/app/_components/SaveFormFooter';
import { FieldError, useFieldErrors } from '@/app/_components/useFieldErrors';
import { useTRPC } from '@/app/_trpc/client';
import {
  type RoutingSettingsInput,
  routingSettingsInput,
} from '@/server/routingConfig/routingSettingsSchema';

export function RoutingSettingsForm() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.routingConfig.settings.get.queryOptions());
  return (
    <>
      <ListPageHeader
        title="Routing settings"
        description="How routing treats agents who miss offers, go offline or leave a customer waiting."
      />
      <section className="card stack" aria-label="Routing settings">
        {settings.isPending && <p className="muted">Loading settings…</p>}
        {settings.isError && <ErrorAlert error={settings.error} />}
        {settings.isSuccess && <SettingsFields saved={settings.data} />}
      </section>
    </>
  );
}

function SettingsFields({ saved }: { saved: RoutingSettingsInput }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = useFieldErrors();
  const [draft, setDraft] = useState(saved);
  // What the number fields hold while switched off, so switching back on restores them.
  const [missedOffers, setMissedOffers] = useState(saved.autoAwayAfterMissedOffers ?? 3);
  const [replySeconds, setReplySeconds] = useState(saved.noReplyReassignSeconds ?? 120);
  const [done, setDone] = useState(false);
  const update = useMutation(
    trpc.routingConfig.settings.update.mutationOptions({
      onSuccess: (stored) => {
        setDone(true);
        queryClient.setQueryData(trpc.routingConfig.settings.get.queryKey(), stored);
      },
      onError: fields.fromServer,
    }),
  );
  const change = (patch: Partial<RoutingSettingsInput>) => {
    setDone(false);
    setDraft((current) => ({ ...current, ...patch }));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = fields.check(routingSettingsInput, draft);
    if (input) update.mutate(input);
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <fieldset className="group">
        <legend>Missed offers</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.autoAwayAfterMissedOffers !== null}
            onChange={(event) =>
              change({ autoAwayAfterMissedOffers: event.target.checked ? missedOffers : null })
            }
          />
          Set an agent Away after they let offers time out
        </label>
        {draft.autoAwayAfterMissedOffers !== null && (
          <label>
            Missed offers in a row
            <input
              type="number"
              min={1}
              max={20}
              value={
                Number.isNaN(draft.autoAwayAfterMissedOffers) ? '' : draft.autoAwayAfterMissedOffers
              }
              onChange={(event) => {
                setMissedOffers(event.target.valueAsNumber);
                change({ autoAwayAfterMissedOffers: event.target.valueAsNumber });
              }}
              {...fields.ariaFor('autoAwayAfterMissedOffers')}
            />
            <FieldError errors={fields} path="autoAwayAfterMissedOffers" />
          </label>
        )}
        <p className="help">
          Off by default. An agent away from their desk otherwise keeps being offered work that then
          waits for their offers to time out.
        </p>
      </fieldset>
      <fieldset className="group">
        <legend>Going offline</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.rerouteOnOffline}
            onChange={(event) => change({ rerouteOnOffline: event.target.checked })}
          />
          Re-route an agent's open conversations when they go Offline
        </label>
        <p className="help">
          On by default: their conversations go back to their queues for another agent. Off, they
          stay with the agent until they come back.
        </p>
      </fieldset>
      <fieldset className="group">
        <legend>Unanswered conversations</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.noReplyReassignSeconds !== null}
            onChange={(event) =>
              change({ noReplyReassignSeconds: event.target.checked ? replySeconds : null })
            }
          />
          Reassign a conversation the agent accepted but has not answered
        </label>
        {draft.noReplyReassignSeconds !== null && (
          <label>
            Seconds to send a first reply
            <input
              type="number"
              min={15}
              max={86400}
              value={Number.isNaN(draft.noReplyReassignSeconds) ? '' : draft.noReplyReassignSeconds}
              onChange={(event) => {
                setReplySeconds(event.target.valueAsNumber);
                change({ noReplyReassignSeconds: event.target.valueAsNumber });
              }}
              {...fields.ariaFor('noReplyReassignSeconds')}
            />
            <FieldError errors={fields} path="noReplyReassignSeconds" />
          </label>
        )}
        <p className="help">Off by default: an accepted conversation stays with its agent.</p>
      </fieldset>
      <SaveFormFooter
        save={update}
        saved={done}
        savedText="Routing settings saved."
        submitLabel="Save settings"
      />
    </form>
  );
}
