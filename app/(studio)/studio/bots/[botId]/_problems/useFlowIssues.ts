'use client';

import { useDeferredValue, useMemo } from 'react';
import type { ActionSummary } from '@/bot-runtime/actions';
import { type FlowDocument, type FlowIssue, validateFlow } from '@/bot-runtime/flow';
import type { FlowComparison } from '../_versions/flowComparison';
import { groupByNode } from './groupByNode';

/** The validator's findings on the flow shown, grouped for the canvas and counted for the tabs. */
export function useFlowIssues({
  flow,
  comparison,
  actions,
  opened,
  initialIssues,
}: {
  flow: FlowDocument;
  comparison: FlowComparison | null;
  actions: ActionSummary[];
  /** The draft as the editor opened it. */
  opened: FlowDocument;
  /** The problems of `opened`, found on the server. */
  initialIssues: FlowIssue[] | undefined;
}) {
  const knownActions = useMemo(() => actions.map((a) => a.name), [actions]);
  // A comparison draws two flows in one: its marks are the differences, not problems.
  // Checking waits until the canvas has drawn (and followed a drag). The draft as opened was
  // checked by the server.
  const checkedFlow = useDeferredValue(comparison ? null : flow, initialIssues ? opened : null);
  const issues = useMemo(() => {
    if (!checkedFlow || comparison) return [];
    if (checkedFlow === opened && initialIssues) return initialIssues;
    return validateFlow(checkedFlow, { knownActions });
  }, [comparison, checkedFlow, knownActions, opened, initialIssues]);
  const issuesByNode = useMemo(() => groupByNode(issues), [issues]);
  const errors = issues.filter((i) => i.severity === 'error');
  return { issues, issuesByNode, errors };
}
