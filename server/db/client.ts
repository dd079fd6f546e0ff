import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getEnv } from '../env';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.resolve(process.cwd(), 'drizzle');

/** Opens a SQLite database with the settings Parley relies on and applies pending migrations. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Concurrent writers (the Next.js handlers and the public API share the file) wait, not fail.
  sqlite.pragma('busy_timeout = 5000');
  // FULL: an acknowledged write survives a power cut; WriteBatcher keeps the fsyncs affordable.
  sqlite.pragma('synchronous = FULL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

const DB_KEY = Symbol.for('parley.db');
type WithDb = typeof globalThis & { [DB_KEY]?: Db };

/**
 * The process-wide database client. It lives on globalThis because Next.js bundles its own copy
 * of this module: without that, the public API and the Next.js handlers would open two clients.
 */
export function getDb(): Db {
  const holder = globalThis as WithDb;
  if (!holder[DB_KEY]) {
    holder[DB_KEY] = openDatabase(getEnv().databasePath);
  }
  return holder[DB_KEY];
}

export function closeDb() {
  const holder = globalThis as WithDb;
  holder[DB_KEY]?.$client.close();
  delete holder[DB_KEY];
}
