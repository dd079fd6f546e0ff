'use client';

import type { useVersionViewing } from './useVersionViewing';

/** The toolbar's way back from a version or a comparison, and restoring what is shown. */
export function VersionViewActions({
  versions,
  canEdit,
}: {
  versions: ReturnType<typeof useVersionViewing>;
  canEdit: boolean;
}) {
  const { comparison, viewing, restoreVersion, backToDraft } = versions;
  return (
    <>
      {comparison && (
        <>
          {canEdit && comparison.beforeVersionId && (
            <button
              type="button"
              onClick={() =>
                comparison.beforeVersionId && restoreVersion(comparison.beforeVersionId)
              }
            >
              Restore {comparison.beforeLabel.toLowerCase()} to draft
            </button>
          )}
          <button type="button" onClick={backToDraft}>
            Back to draft
          </button>
        </>
      )}
      {viewing && (
        <>
          {canEdit && (
            <button type="button" onClick={() => restoreVersion(viewing.id)}>
              Restore to draft
            </button>
          )}
          <button type="button" onClick={backToDraft}>
            Back to draft
          </button>
        </>
      )}
    </>
  );
}
