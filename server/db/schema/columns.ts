import { integer, text } from 'drizzle-orm/sqlite-core';
import { v7 as uuidv7 } from 'uuid';

/** Shared column builders, so every table spells ids, org scoping and times the same way. */

/**
 * A new row id: a UUID that starts with its creation time (RFC 9562 version 7). Ids made one
 * after another sort together, so inserting a row touches the last page of the id index instead
 * of a random one: on the message path that was a quarter of the write cost.
 */
export const newId = () => uuidv7();

export const id = () => text('id').primaryKey().$defaultFn(newId);

export const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date());

export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
