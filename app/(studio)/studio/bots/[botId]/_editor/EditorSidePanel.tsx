'use client';

import type { ReactNode } from 'react';
import type { SideTab } from './useEditorPanels';

const TABS: SideTab[] = ['inspector', 'problems', 'versions', 'tests'];

const TAB_LABELS: Record<SideTab, string> = {
  inspector: 'Inspector',
  problems: 'Problems',
  versions: 'Versions',
  tests: 'Tests',
};

/**
 * The side panel's tabs and the panel of the chosen one (`children`). The Problems tab counts
 * the findings, coloured by the worst, so they are seen without opening it.
 */
export function EditorSidePanel({
  tab,
  onTab,
  problemCount,
  errorCount,
  children,
}: {
  tab: SideTab;
  onTab: (tab: SideTab) => void;
  problemCount: number;
  errorCount: number;
  children: ReactNode;
}) {
  return (
    <aside className="editor-side">
      <div className="tabs" role="tablist" aria-label="Panels">
        {TABS.map((name) => (
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
      <div className="tab-panel" role="tabpanel" aria-label={TAB_LABELS[tab]}>
        {children}
      </div>
    </aside>
  );
}
