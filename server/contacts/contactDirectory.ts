import { and, asc, count, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { contacts } from '../db/schema';
import { DomainError } from '../errors';
import { likePattern, type Page, type PageInput } from '../pagination';

export interface ContactSummary {
  id: string;
  /** The app's own id for the customer, as their identity tokens carry it. */
  externalUserId: string;
  name: string | null;
  email: string | null;
}

const summaryColumns = {
  id: contacts.id,
  externalUserId: contacts.externalUserId,
  name: contacts.name,
  email: contacts.email,
};

/** The org's contacts, by name then id, searched in name, email and the app's id. */
export function listContacts(db: Db, orgId: string, input: PageInput): Page<ContactSummary> {
  const pattern = likePattern(input.search);
  const where = and(
    eq(contacts.orgId, orgId),
    input.search
      ? or(
          sql`${contacts.name} like ${pattern} escape '\\'`,
          sql`${contacts.email} like ${pattern} escape '\\'`,
          sql`${contacts.externalUserId} like ${pattern} escape '\\'`,
        )
      : undefined,
  );
  const items = db
    .select(summaryColumns)
    .from(contacts)
    .where(where)
    .orderBy(
      asc(sql`lower(coalesce(${contacts.name}, ${contacts.externalUserId}))`),
      asc(contacts.id),
    )
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const total = db.select({ n: count() }).from(contacts).where(where).get()?.n ?? 0;
  return { items, total, page: input.page, pageSize: input.pageSize };
}

/** Another org's contact answers exactly like a missing one. */
export function getContact(db: Db, orgId: string, contactId: string): ContactSummary {
  const row = db
    .select(summaryColumns)
    .from(contacts)
    .where(and(eq(contacts.id, contactId), eq(contacts.orgId, orgId)))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such contact in your organisation.');
  return row;
}
