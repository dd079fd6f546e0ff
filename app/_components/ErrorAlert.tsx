'use client';

import { errorMessage } from '@/app/_trpc/client';

/** A failed call, as a sentence the person can act on. */
export function ErrorAlert({ error }: { error: unknown }) {
  return (
    <div className="alert alert-error" role="alert">
      {errorMessage(error)}
    </div>
  );
}
