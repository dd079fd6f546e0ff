import type { Db } from '../db/client';

export type HealthReport =
  | { status: 'ok'; db: 'ok'; version: string }
  | { status: 'unavailable'; db: 'error'; version: string; reason: string };

export function checkHealth(db: Db, version: string): HealthReport {
  try {
    db.$client.prepare('select count(*) from orgs').get();
    return { status: 'ok', db: 'ok', version };
  } catch (error) {
    return { status: 'unavailable', db: 'error', version, reason: (error as Error).message };
  }
}
