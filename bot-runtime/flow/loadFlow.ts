import { type FlowDocument, flowDocumentSchema } from './flowDocument';
import { migrateFlow } from './migrations/migrateFlow';
import { pathBeyondDepth } from './pathBeyondDepth';

/**
 * Far deeper than any flow the studio writes (the demo bot's is 8). The schemas of JSON values
 * and the JSON writer recurse, so a deeper document would overflow the stack while being parsed
 * or stored: it is refused before either.
 */
export const MAX_FLOW_DEPTH = 100;

export type LoadFlowResult =
  | { ok: true; flow: FlowDocument; migrationsApplied: string[] }
  | { ok: false; error: { code: string; message: string; issues: LoadIssue[] } };

export interface LoadIssue {
  path: (string | number)[];
  message: string;
}

/** Reads a stored or posted document: migrates it to the current version, then parses it. */
export function loadFlow(raw: unknown): LoadFlowResult {
  const tooDeep = pathBeyondDepth(raw, MAX_FLOW_DEPTH);
  if (tooDeep) {
    const message = `Nested more than ${MAX_FLOW_DEPTH} levels deep.`;
    return {
      ok: false,
      error: {
        code: 'FLOW_TOO_DEEP',
        message: 'The flow document is nested too deeply.',
        issues: [{ path: tooDeep, message }],
      },
    };
  }
  const migrated = migrateFlow(raw);
  if (!migrated.ok) return { ok: false, error: { ...migrated.error, issues: [] } };
  const parsed = flowDocumentSchema.safeParse(migrated.document);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      message: issue.message,
    }));
    return {
      ok: false,
      error: { code: 'FLOW_INVALID', message: 'The flow document is not valid.', issues },
    };
  }
  return { ok: true, flow: parsed.data, migrationsApplied: migrated.applied };
}
