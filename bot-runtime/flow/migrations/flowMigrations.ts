/**
 * Named, ordered upgrades of stored flow documents. `from` is the schemaVersion a migration
 * reads; it returns the document at `from + 1`. Version 1 is the first stored format, so the
 * list is empty until the format changes: then add e.g. `migrateFlowFromV1ToV2` here.
 */
export interface FlowMigration {
  name: string;
  from: number;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

export const flowMigrations: FlowMigration[] = [];
