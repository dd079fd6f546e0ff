import { randomUUID } from 'node:crypto';
import { integer, text } from 'drizzle-orm/sqlite-core';

/** Shared column builders, so every table spells ids, org scoping and times the same way. */

export const id = () =>
  text('id')
    .primaryKey()
    .$defaultFn(() => randomUUID());

export const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date());

export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
