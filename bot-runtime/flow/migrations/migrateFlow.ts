import { CURRENT_FLOW_SCHEMA_VERSION } from '../flowDocument';
import { type FlowMigration, flowMigrations } from './flowMigrations';

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; applied: string[] }
  | { ok: false; error: { code: MigrationErrorCode; message: string } };

export type MigrationErrorCode =
  | 'FLOW_NOT_AN_OBJECT'
  | 'FLOW_VERSION_MISSING'
  | 'FLOW_VERSION_TOO_NEW'
  | 'FLOW_MIGRATION_MISSING';

/** Upgrades a stored document, one named migration at a time, to the current schemaVersion. */
export function migrateFlow(
  document: unknown,
  migrations: FlowMigration[] = flowMigrations,
  targetVersion: number = CURRENT_FLOW_SCHEMA_VERSION,
): MigrationResult {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return failure('FLOW_NOT_AN_OBJECT', 'A flow document must be a JSON object.');
  }
  let current = document as Record<string, unknown>;
  const version = current.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return failure('FLOW_VERSION_MISSING', 'The flow document has no schemaVersion number.');
  }
  if (version > targetVersion) {
    return failure(
      'FLOW_VERSION_TOO_NEW',
      `This flow was saved by a newer Parley (schema ${version}); this one reads up to ${targetVersion}.`,
    );
  }
  const applied: string[] = [];
  for (let from = version; from < targetVersion; from++) {
    const migration = migrations.find((candidate) => candidate.from === from);
    if (!migration) {
      return failure(
        'FLOW_MIGRATION_MISSING',
        `No migration upgrades schema ${from} to ${from + 1}.`,
      );
    }
    current = { ...migration.migrate(current), schemaVersion: from + 1 };
    applied.push(migration.name);
  }
  return { ok: true, document: current, applied };
}

function failure(code: MigrationErrorCode, message: string): MigrationResult {
  return { ok: false, error: { code, message } };
}
