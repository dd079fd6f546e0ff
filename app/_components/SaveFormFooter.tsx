'use client';

import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

/**
 * The end of a settings form: why the last save failed, a note once it succeeded, and a submit
 * button that says when it is saving. `children`: more buttons before it, such as "Add field".
 */
export function SaveFormFooter({
  save,
  saved,
  savedText,
  submitLabel,
  children,
}: {
  save: { isPending: boolean; isError: boolean; error: unknown };
  /** The last save succeeded and nothing was edited since. */
  saved: boolean;
  savedText: string;
  submitLabel: string;
  children?: ReactNode;
}) {
  return (
    <>
      {save.isError && <ErrorAlert error={save.error} />}
      {saved && !save.isPending && (
        <div className="alert alert-success" role="status">
          {savedText}
        </div>
      )}
      <div className="row">
        {children}
        <button type="submit" className="primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </>
  );
}
