'use client';

import type { ReactNode } from 'react';
import { errorMessage } from '@/app/_trpc/client';

/** A failed call, as a sentence the person can act on; `children` add what it was about. */
export function ErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  return (
    <div className="alert alert-error" role="alert">
      {errorMessage(error)}
      {children}
    </div>
  );
}
