'use client';

import type { ReactNode } from 'react';
import type { SideTab } from './useEditorPanels';

const TABS: SideTab[] = ['inspector', 'problems', 'versions', 'tests'];

const TAB_LABELS: Record<SideTab, string> = {
  preview: 'Preview',
  inspector: 'Inspector',
  problems: 'Problems',
  versions: 'Versions',
  tests: 'Tests',
};

/**
 * The side panel's tabs and the panel of the chosen one (`children`). The Problems tab counts
 * the findings, coloured by the worst, so they are seen without opening it. While previewing,
 * the preview is the first tab, so the canvas keeps the room the chat would take beside it;
 * it stays mounted behind the other tabs, so looking at a node's settings keeps the conversation.
 */
export function EditorSidePanel({
  tab,
  onTab,
  problemCount,
  errorCount,
  preview,
  children,
}: {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  problemCount: number;
  errorCount: number;
  /** The preview, while it is open. */
  preview: ReactNode | null;
  children: ReactNode;
}) {
  const tabs: SideTab[] = preview ? ['preview', ...TABS] : TABS;
  return (
    <aside className={`editor-side${preview ? ' has-preview' : ''}`}>
      <div className="tabs" role="tablist" aria-label="Panels">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => onTab(name)}
          >
            {TAB_LABELS[name]}
            {name === 'problems' && problemCount > 0 && (
              <span className={`badge ${errorCount > 0 ? 'badge-danger' : 'badge-warning'}`}>
                {problemCount}
              </span>
            )}
          </button>
        ))}
      </div>
      {preview && (
        <div
          className="tab-panel preview-tab"
          role="tabpanel"
          aria-label="Preview"
          hidden={tab !== 'preview'}
        >
          {preview}
        </div>
      )}
      {tab !== 'preview' && (
        <div className="tab-panel" role="tabpanel" aria-label={TAB_LABELS[tab]}>
          {children}
        </div>
      )}
    </aside>
  );
}
