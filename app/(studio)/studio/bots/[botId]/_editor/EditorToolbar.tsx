'use client';

import Link from 'next/link';
import { SaveStatus } from '../_draft/SaveStatus';
import { UndoRedoButtons } from '../_draft/UndoRedoButtons';
import type { useDraftSync } from '../_draft/useDraftSync';
import type { useVersionViewing } from '../_versions/useVersionViewing';
import { VersionViewActions } from '../_versions/VersionViewActions';
import type { useEditorPanels } from './useEditorPanels';

type DraftSync = ReturnType<typeof useDraftSync>;

/** The bot's name, what is shown and whether it is saved, and every command of the editor. */
export function EditorToolbar({
  botId,
  botName,
  canEdit,
  readOnly,
  sync,
  panels,
  versions,
  onArrange,
  onFind,
  onZoomToFit,
  onExport,
  overlayOn,
  onToggleOverlay,
}: {
  botId: string;
  botName: string;
  canEdit: boolean;
  readOnly: boolean;
  sync: DraftSync;
  panels: ReturnType<typeof useEditorPanels>;
  versions: ReturnType<typeof useVersionViewing>;
  onArrange: () => void;
  onFind: () => void;
  onZoomToFit: () => void;
  onExport: () => void;
  overlayOn: boolean;
  /** Null for those who may not see the analytics overlay. */
  onToggleOverlay: (() => void) | null;
}) {
  return (
    <header className="editor-toolbar">
      <Link href="/studio">← Bots</Link>
      <h1>{botName}</h1>
      <ShownStatus canEdit={canEdit} versions={versions} autosave={sync.autosave} />
      <div className="row editor-actions">
        {/* A full page load, so the browser warns before leaving with unsaved changes. */}
        <a className="button" href={`/studio/bots/${botId}/intents`}>
          Intents &amp; entities
        </a>
        {canEdit && (
          <a className="button" href={`/studio/bots/${botId}/misunderstood`}>
            Misunderstood
          </a>
        )}
        <button type="button" aria-haspopup="dialog" onClick={() => panels.openSettings(null)}>
          Flow settings
        </button>
        {!readOnly && (
          <>
            <UndoRedoButtons history={sync.history} />
            <button type="button" onClick={onArrange}>
              Auto-layout
            </button>
          </>
        )}
        <button type="button" aria-pressed={panels.previewOpen} onClick={panels.togglePreview}>
          Preview
        </button>
        <button type="button" aria-pressed={panels.codeView} onClick={panels.toggleCodeView}>
          Code
        </button>
        {!panels.codeView && (
          <>
            <button type="button" title="Ctrl/Cmd+F" onClick={onFind}>
              Find
            </button>
            <button type="button" onClick={onZoomToFit}>
              Zoom to fit
            </button>
          </>
        )}
        {onToggleOverlay && (
          <button
            type="button"
            aria-pressed={overlayOn}
            title="Conversation counts of a published version on the canvas"
            onClick={onToggleOverlay}
          >
            Analytics
          </button>
        )}
        <button type="button" onClick={onExport}>
          Export
        </button>
        <VersionViewActions versions={versions} canEdit={canEdit} />
        {!readOnly && (
          <button type="button" className="primary" onClick={() => panels.setPublishing(true)}>
            Publish…
          </button>
        )}
      </div>
    </header>
  );
}

/** What the canvas shows, when it is not the draft; otherwise whether the draft is saved. */
function ShownStatus({
  canEdit,
  versions,
  autosave,
}: {
  canEdit: boolean;
  versions: ReturnType<typeof useVersionViewing>;
  autosave: DraftSync['autosave'];
}) {
  const { comparison, viewing } = versions;
  if (comparison) {
    return (
      <span className="badge">
        Comparing {comparison.beforeLabel} → {comparison.afterLabel}
      </span>
    );
  }
  if (viewing) return <span className="badge">Version {viewing.number}, read-only</span>;
  if (!canEdit) return <span className="badge">Read-only</span>;
  return <SaveStatus state={autosave.state} unsaved={autosave.unsaved} onRetry={autosave.retry} />;
}
