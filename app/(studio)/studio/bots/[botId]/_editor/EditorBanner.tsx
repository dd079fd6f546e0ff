'use client';

import type { useEditorBanner } from './useEditorBanner';

/** An error outranks a notice: it is announced at once, a notice only politely. */
export function EditorBanner({ banner }: { banner: ReturnType<typeof useEditorBanner> }) {
  const { notice, error, dismiss } = banner;
  if (!notice && !error) return null;
  return (
    <div
      className={`alert ${error ? 'alert-error' : 'alert-success'} editor-banner`}
      role={error ? 'alert' : 'status'}
    >
      {error ?? notice}{' '}
      <button type="button" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
