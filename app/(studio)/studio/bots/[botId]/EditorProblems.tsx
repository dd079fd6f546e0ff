'use client';

import type { FlowIssue } from '@/bot-runtime/flow';
import { type SettingsSection, settingsSectionOf } from './flowSettingsEdits';
import { ProblemsPanel } from './ProblemsPanel';
import './flowSettings.css';

/**
 * The editor's problems: those of nodes (choosing one centres it), then those of the flow's
 * settings, where choosing one opens the settings at the part it is about.
 */
export function EditorProblems({
  issues,
  onFocusNode,
  onOpenSettings,
}: {
  issues: FlowIssue[];
  onFocusNode: (nodeId: string) => void;
  onOpenSettings: (section: SettingsSection) => void;
}) {
  const ofSettings: { issue: FlowIssue; section: SettingsSection }[] = [];
  const others: FlowIssue[] = [];
  for (const issue of issues) {
    const section = settingsSectionOf(issue);
    if (section) ofSettings.push({ issue, section });
    else others.push(issue);
  }
  return (
    <>
      {(others.length > 0 || ofSettings.length === 0) && (
        <ProblemsPanel issues={others} onFocusNode={onFocusNode} />
      )}
      {ofSettings.length > 0 && (
        <section className="settings-problems" aria-label="Problems in the flow settings">
          <h3>Flow settings</h3>
          <ul className="problems" aria-label="Flow settings problems">
            {ofSettings.map(({ issue, section }, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: findings can share code and text
              <li key={`${issue.code}-${index}`}>
                <button
                  type="button"
                  className={`problem issue-${issue.severity}`}
                  title="Open the flow settings"
                  onClick={() => onOpenSettings(section)}
                >
                  <span
                    className={`badge ${issue.severity === 'error' ? 'badge-danger' : 'badge-warning'}`}
                  >
                    {issue.severity}
                  </span>
                  {issue.message}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
