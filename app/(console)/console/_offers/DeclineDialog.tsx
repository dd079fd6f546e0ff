'use client';

import { useMutation } from '@tanstack/react-query';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { useTRPC } from '@/app/_trpc/client';
import type { WorkspaceItem } from '../_live/consoleTypes';

/** Declining an offer, with an optional reason the supervisor reads in the decision log. */
export function DeclineDialog({
  offer,
  onClose,
  onDeclined,
}: {
  offer: WorkspaceItem | null;
  onClose: () => void;
  onDeclined: () => void;
}) {
  const trpc = useTRPC();
  const decline = useMutation(trpc.console.decline.mutationOptions());
  return (
    <FormDialog
      open={offer !== null}
      title="Decline conversation"
      mutation={decline}
      onClose={onClose}
      onSubmit={(form) => {
        if (!offer) return;
        decline.mutate(
          { workItemId: offer.workItemId, reason: String(form.get('reason') ?? '').trim() },
          { onSuccess: onDeclined },
        );
      }}
      submitLabel="Decline"
      busyLabel="Declining…"
    >
      <p className="muted">
        {offer?.customerName} goes back to the {offer?.queueName} queue for someone else.
      </p>
      <label>
        Reason (optional)
        <textarea name="reason" maxLength={500} placeholder="e.g. wrapping up another customer" />
      </label>
    </FormDialog>
  );
}
