'use client';

import type { DraftConflictDetails } from '@/server/bots/botDrafts';

/** Says who saved the draft meanwhile and lets the person choose: their version or mine. */
export function DraftConflictBanner({
  conflict,
  onReload,
  onOverwrite,
}: {
  conflict: DraftConflictDetails;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  return (
    <div className="alert alert-warning editor-banner" role="alert">
      <strong>{conflict.updatedBy ?? 'Someone'}</strong> saved this bot at{' '}
      {new Date(conflict.updatedAt).toLocaleString()} while you were editing. Your latest changes
      are not saved.
      <div className="row">
        <button type="button" onClick={onReload}>
          Reload their version
        </button>
        <button type="button" className="danger" onClick={onOverwrite}>
          Overwrite with mine
        </button>
      </div>
    </div>
  );
}
