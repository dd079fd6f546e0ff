import { type FlowDocument, loadFlow } from '../../bot-runtime/flow';
import { DomainError } from '../errors';

/** One reason a document is not a flow, pointing at the node (and file line) when it can. */
export interface FlowDocumentIssue {
  path: string;
  nodeId?: string;
  line?: number;
  message: string;
}

/**
 * Migrates and parses a posted document, or refuses it with FLOW_INVALID listing every
 * problem. With the file's text, each problem also carries the line of the node it is about.
 */
export function requireLoadableFlow(raw: unknown, text?: string): FlowDocument {
  const loaded = loadFlow(raw);
  if (loaded.ok) return loaded.flow;
  const issues: FlowDocumentIssue[] =
    loaded.error.issues.length === 0
      ? [{ path: '', message: loaded.error.message }]
      : loaded.error.issues.map((issue) => {
          const nodeId = nodeIdAt(raw, issue.path);
          return {
            path: issue.path.join('.'),
            nodeId,
            line: text && nodeId ? lineOfNode(text, nodeId) : undefined,
            message: issue.message,
          };
        });
  throw new DomainError(
    'FLOW_INVALID',
    `This is not a valid flow document (${issues.length} problem${issues.length === 1 ? '' : 's'}).`,
    { issues },
  );
}

function nodeIdAt(raw: unknown, path: (string | number)[]): string | undefined {
  const [section, index] = path;
  if (section !== 'nodes' || typeof index !== 'number') return undefined;
  const nodes = (raw as { nodes?: { id?: unknown }[] }).nodes;
  const id = nodes?.[index]?.id;
  return typeof id === 'string' ? id : undefined;
}

function lineOfNode(text: string, nodeId: string): number | undefined {
  const match = new RegExp(`"id"\\s*:\\s*${escapeRegExp(JSON.stringify(nodeId))}`).exec(text);
  return match ? lineAt(text, match.index) : undefined;
}

export function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
