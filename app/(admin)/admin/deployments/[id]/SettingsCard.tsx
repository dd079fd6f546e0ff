'use client';

import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';

/** A deployment settings card whose form waits for its settings to load. */
export function SettingsCard<T>({
  id,
  title,
  intro,
  settings,
  loadingText,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  settings: UseQueryResult<T, unknown>;
  loadingText: string;
  children: (loaded: T) => ReactNode;
}) {
  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <p className="muted">{intro}</p>
      {settings.isPending && <p className="muted">{loadingText}</p>}
      {settings.isError && <ErrorAlert error={settings.error} />}
      {settings.isSuccess && children(settings.data)}
    </section>
  );
}
