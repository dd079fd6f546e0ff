import { type FlowDocument, flowDocumentSchema } from './flowDocument';
import { migrateFlow } from './migrations/migrateFlow';

export type LoadFlowResult =
  | { ok: true; flow: FlowDocument; migrationsApplied: string[] }
  | { ok: false; error: { code: string; message: string; issues: LoadIssue[] } };

export interface LoadIssue {
  path: (string | number)[];
  message: string;
}

/** Reads a stored or posted document: migrates it to the current version, then parses it. */
export function loadFlow(raw: unknown): LoadFlowResult {
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
