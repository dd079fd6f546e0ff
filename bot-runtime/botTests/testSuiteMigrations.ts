import { CURRENT_TEST_SUITE_SCHEMA_VERSION } from './testCase';

/**
 * Named, ordered upgrades of stored and exported test suites, like the flow's: `from` is the
 * schemaVersion a migration reads and it returns the suite at `from + 1`. Version 1 is the
 * first format, so the list is empty until the format changes.
 */
export interface TestSuiteMigration {
  name: string;
  from: number;
  migrate(suite: Record<string, unknown>): Record<string, unknown>;
}

export const testSuiteMigrations: TestSuiteMigration[] = [];

export type TestSuiteMigrationResult =
  | { ok: true; suite: Record<string, unknown> }
  | { ok: false; message: string };

/** Upgrades a suite one named migration at a time to the current schemaVersion. */
export function migrateTestSuite(
  raw: unknown,
  migrations: TestSuiteMigration[] = testSuiteMigrations,
  targetVersion: number = CURRENT_TEST_SUITE_SCHEMA_VERSION,
): TestSuiteMigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, message: 'The test cases must be a JSON object.' };
  }
  let suite = raw as Record<string, unknown>;
  const version = suite.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return { ok: false, message: 'The test cases have no schemaVersion number.' };
  }
  if (version > targetVersion) {
    return {
      ok: false,
      message: `These test cases were saved by a newer Parley (schema ${version}); this one reads up to ${targetVersion}.`,
    };
  }
  for (let from = version; from < targetVersion; from++) {
    const migration = migrations.find((candidate) => candidate.from === from);
    if (!migration)
      return { ok: false, message: `No migration upgrades test cases ${from} to ${from + 1}.` };
    suite = { ...migration.migrate(suite), schemaVersion: from + 1 };
  }
  return { ok: true, suite };
}
