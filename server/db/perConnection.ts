import type { Db } from './client';

/**
 * `make` run once per database connection, its result kept as long as the connection: for
 * statements on the message path, prepared once instead of on every call.
 */
export function perConnection<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = make(db);
      made.set(db, value);
    }
    return value;
  };
}
