'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { WorkspaceItem } from '../_live/consoleTypes';
import { useShortcut } from '../_shortcuts/useShortcut';
import { DeclineDialog } from './DeclineDialog';
import { OfferCountdown } from './OfferCountdown';

/**
 * Offers waiting for the agent's answer: who, from which queue, what they want, the time left;
 * Accept (Alt+A accepts the oldest from anywhere) and Decline with an optional reason.
 */
export function OfferList({
  offers,
  onAccepted,
}: {
  offers: WorkspaceItem[];
  onAccepted: (sessionId: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [declining, setDeclining] = useState<WorkspaceItem | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.console.workspace.queryKey() });
  const accept = useMutation(
    trpc.console.accept.mutationOptions({
      onSuccess: (result) => onAccepted(result.sessionId),
      onSettled: refresh,
    }),
  );
  const oldest = offers[0];
  useShortcut(
    'accept',
    () => {
      if (oldest) accept.mutate({ workItemId: oldest.workItemId });
    },
    oldest !== undefined && !accept.isPending,
  );

  if (offers.length === 0) return null;
  return (
    <section className="offers" aria-label="Incoming conversations">
      {accept.isError && (
        <ErrorAlert error={accept.error}>
          {' '}
          The offer may have expired or gone to someone else.
        </ErrorAlert>
      )}
      {offers.map((offer) => (
        <article
          key={offer.workItemId}
          className="offer card"
          aria-label={`Offer: ${offer.customerName}`}
          data-offer={offer.workItemId}
        >
          <div className="offer-head">
            <span className="offer-pulse" aria-hidden />
            <strong>{offer.customerName}</strong>
            <OfferCountdown expiresAt={offer.offerExpiresAt} />
          </div>
          <div className="muted">
            {offer.queueName}
            {offer.intent && <> · {offer.intent}</>}
          </div>
          {offer.lastText && <p className="offer-last">{offer.lastText}</p>}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={accept.isPending}
              onClick={() => accept.mutate({ workItemId: offer.workItemId })}
              aria-keyshortcuts="Alt+A"
            >
              {accept.isPending && accept.variables?.workItemId === offer.workItemId
                ? 'Accepting…'
                : 'Accept'}
            </button>
            <button type="button" onClick={() => setDeclining(offer)}>
              Decline…
            </button>
          </div>
        </article>
      ))}
      <DeclineDialog
        offer={declining}
        onClose={() => setDeclining(null)}
        onDeclined={() => {
          setDeclining(null);
          void refresh();
        }}
      />
    </section>
  );
}
