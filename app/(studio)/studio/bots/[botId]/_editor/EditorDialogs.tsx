'use client';

import type { FlowDocument, FlowIssue } from '@/bot-runtime/flow';
import type { useDraftSync } from '../_draft/useDraftSync';
import { FlowSettingsDialog } from '../_settings/FlowSettingsDialog';
import { PublishDialog } from '../_versions/PublishDialog';
import type { useVersionViewing } from '../_versions/useVersionViewing';
import type { useEditorPanels } from './useEditorPanels';

/** The flow settings and Publish dialogs, which both lead back to a node or a setting. */
export function EditorDialogs({
  botId,
  canEdit,
  flow,
  issues,
  errors,
  readOnly,
  sync,
  panels,
  versions,
  onApply,
  onFocusNode,
  onPublished,
}: {
  botId: string;
  canEdit: boolean;
  flow: FlowDocument;
  issues: FlowIssue[];
  errors: FlowIssue[];
  readOnly: boolean;
  sync: ReturnType<typeof useDraftSync>;
  panels: ReturnType<typeof useEditorPanels>;
  versions: ReturnType<typeof useVersionViewing>;
  onApply: (flow: FlowDocument, mergeKey?: string) => void;
  onFocusNode: (nodeId: string) => void;
  onPublished: (versionNumber: number) => void;
}) {
  return (
    <>
      <FlowSettingsDialog
        open={panels.settings !== null}
        section={panels.settings?.section ?? null}
        flow={flow}
        issues={issues}
        readOnly={readOnly}
        readOnlyNote={
          !canEdit
            ? 'Your role can read these settings but not change them.'
            : versions.comparison
              ? 'These are the settings of the comparison’s newer side; go back to the draft to change them.'
              : `These are the settings of version ${versions.viewing?.number}; go back to the draft to change them.`
        }
        history={sync.history}
        onApply={onApply}
        onFocusNode={(nodeId) => {
          panels.closeSettings();
          onFocusNode(nodeId);
        }}
        onClose={panels.closeSettings}
      />
      <PublishDialog
        open={panels.publishing}
        botId={botId}
        errors={errors}
        saving={sync.autosave.unsaved}
        onClose={() => panels.setPublishing(false)}
        onFocusNode={onFocusNode}
        onOpenSettings={panels.openSettings}
        onPublished={(number) => {
          panels.setPublishing(false);
          onPublished(number);
        }}
      />
    </>
  );
}
