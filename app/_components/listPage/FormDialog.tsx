'use client';

import { type ReactNode, useEffect, useRef } from 'react';
import { Dialog, DialogFormActions } from '../Dialog';
import { ErrorAlert } from '../ErrorAlert';

/**
 * A dialog around one form that submits one mutation ("New …", "Rename", "Import"): why the
 * last submission failed above the fields, Cancel and a submit button that says while it is
 * busy. Closing it forgets a failed submission, so it opens clean next time.
 */
export function FormDialog({
  open,
  title,
  mutation,
  onClose,
  onSubmit,
  submitLabel,
  busyLabel,
  errorDetails,
  checksItsFields = false,
  children,
}: {
  open: boolean;
  title: string;
  mutation: { isPending: boolean; isError: boolean; error: unknown; reset: () => void };
  onClose: () => void;
  onSubmit: (form: FormData) => void;
  submitLabel: string;
  busyLabel?: string;
  /** Shown in the error, after the message: what exactly was wrong with the submission. */
  errorDetails?: ReactNode;
  /**
   * `onSubmit` checks the fields against their schema and shows each error beside its field, so
   * the browser's own checks (one tooltip at a time) stay out of the way.
   */
  checksItsFields?: boolean;
  /** The form's fields. */
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  // Browsers differ in what showModal() focuses (the first field, or the dialog itself), and
  // React's autoFocus runs before the dialog is shown, when nothing in it can take focus. Focus
  // goes back to what opened the dialog when it closes: a modal <dialog> does that itself.
  useEffect(() => {
    if (!open || form.current?.contains(document.activeElement)) return;
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [open]);

  return (
    <Dialog
      open={open}
      title={title}
      onClose={() => {
        mutation.reset();
        onClose();
      }}
    >
      <form
        ref={form}
        className="stack"
        noValidate={checksItsFields}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit(new FormData(event.currentTarget));
        }}
      >
        {mutation.isError && <ErrorAlert error={mutation.error}>{errorDetails}</ErrorAlert>}
        {children}
        <DialogFormActions
          onCancel={onClose}
          busy={mutation.isPending}
          busyLabel={busyLabel}
          submitLabel={submitLabel}
        />
      </form>
    </Dialog>
  );
}
