'use client';

import type { FlowIssue } from '@/bot-runtime/flow';
import { type SettingsSection, settingsSectionOf } from '../_settings/flowSettingsEdits';

/**
 * Every validator finding; choosing one centres its node, or opens the flow settings at the
 * part a settings finding is about.
 */
export function ProblemsPanel({
  issues,
  onFocusNode,
  onOpenSettings,
}: {
  issues: FlowIssue[];
  onFocusNode: (nodeId: string) => void;
  onOpenSettings: (section: SettingsSection) => void;
}) {
  if (issues.length === 0) {
    return <p className="muted">No problems: this flow can be published.</p>;
  }
  return (
    <ul className="problems" aria-label="Problems">
      {issues.map((issue, index) => {
        const { nodeId } = issue;
        const section = settingsSectionOf(issue);
        return (
          // Two findings can share code, node and text (e.g. two dangling edges).
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={`${issue.code}-${nodeId}-${index}`}>
            <button
              type="button"
              className={`problem issue-${issue.severity}`}
              disabled={!nodeId && !section}
              title={section ? 'Open the flow settings' : undefined}
              onClick={() => {
                if (nodeId) onFocusNode(nodeId);
                else if (section) onOpenSettings(section);
              }}
            >
              <span
                className={`badge ${issue.severity === 'error' ? 'badge-danger' : 'badge-warning'}`}
              >
                {issue.severity}
              </span>
              {issue.message}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
