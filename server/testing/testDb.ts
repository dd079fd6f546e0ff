import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { type Db, openDatabase } from '../db/client';

/** A scratch SQLite file with every migration applied, removed after the test. */
export function useTestDb(): () => Db {
  let dir: string | undefined;
  let db: Db | undefined;
  afterEach(() => {
    db?.$client.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    db = undefined;
    dir = undefined;
  });
  return () => {
    dir = mkdtempSync(path.join(tmpdir(), 'parley-test-'));
    db = openDatabase(path.join(dir, 'parley.db'));
    return db;
  };
}
