import { loadFlow } from '../loadFlow';
import type { FlowIssue } from './flowIssue';
import { type ValidateFlowOptions, validateFlow } from './validateFlow';

/**
 * Validates a document as stored or posted: one that does not even load (unknown version,
 * broken schema) comes back as INVALID_DOCUMENT issues, pointing at the node when it can.
 */
export function validateFlowDocument(raw: unknown, options: ValidateFlowOptions): FlowIssue[] {
  const loaded = loadFlow(raw);
  if (loaded.ok) return validateFlow(loaded.flow, options);
  if (loaded.error.issues.length === 0) {
    return [{ code: 'INVALID_DOCUMENT', severity: 'error', message: loaded.error.message }];
  }
  return loaded.error.issues.map((issue) => ({
    code: 'INVALID_DOCUMENT',
    severity: 'error',
    nodeId: nodeIdAt(raw, issue.path),
    message: `${issue.path.join('.') || 'document'}: ${issue.message}`,
  }));
}

function nodeIdAt(raw: unknown, path: (string | number)[]): string | undefined {
  const [section, index] = path;
  if (section !== 'nodes' || typeof index !== 'number') return undefined;
  const nodes = (raw as { nodes?: { id?: unknown }[] }).nodes;
  const id = nodes?.[index]?.id;
  return typeof id === 'string' ? id : undefined;
}
