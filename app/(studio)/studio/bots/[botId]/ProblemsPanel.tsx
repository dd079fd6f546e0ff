'use client';

import type { FlowIssue } from '@/bot-runtime/flow';

/** Every validator finding; choosing one centres its node. */
export function ProblemsPanel({
  issues,
  onFocusNode,
}: {
  issues: FlowIssue[];
  onFocusNode: (nodeId: string) => void;
}) {
  if (issues.length === 0) {
    return <p className="muted">No problems: this flow can be published.</p>;
  }
  return (
    <ul className="problems" aria-label="Problems">
      {issues.map((issue, index) => (
        // Two findings can share code, node and text (e.g. two dangling edges).
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={`${issue.code}-${issue.nodeId}-${index}`}>
          <button
            type="button"
            className={`problem issue-${issue.severity}`}
            disabled={!issue.nodeId}
            onClick={() => issue.nodeId && onFocusNode(issue.nodeId)}
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
  );
}
