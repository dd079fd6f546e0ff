import { and, eq, sql } from 'drizzle-orm';
import type { VerifiedIdentity } from '../auth/customerIdentity';
import type { Db } from '../db/client';
import { contacts } from '../db/schema';
import type { WriteBatcher } from '../db/writeBatcher';

const UNNAMED = 'Customer';

/**
 * The people behind customer conversations, known by the app's own user id from a verified
 * identity token. Anonymous customers have no contact.
 */
export class Contacts {
  // Prepared once: a customer's name is read for every message they send.
  private readonly nameById;

  constructor(
    private readonly db: Db,
    private readonly writes: WriteBatcher,
  ) {
    this.nameById = db
      .select({ name: contacts.name })
      .from(contacts)
      .where(eq(contacts.id, sql.placeholder('id')))
      .prepare();
  }

  /**
   * The contact a verified identity names in the org, created on first sight. An email or name
   * in the token replaces the stored one: the app's backend knows its user best.
   */
  upsert(orgId: string, identity: VerifiedIdentity): Promise<string> {
    return this.writes.run(() => {
      const existing = this.db
        .select()
        .from(contacts)
        .where(and(eq(contacts.orgId, orgId), eq(contacts.externalUserId, identity.sub)))
        .get();
      if (existing) {
        if (
          (identity.email && identity.email !== existing.email) ||
          (identity.name && identity.name !== existing.name)
        ) {
          this.db
            .update(contacts)
            .set({ email: identity.email ?? existing.email, name: identity.name ?? existing.name })
            .where(eq(contacts.id, existing.id))
            .run();
        }
        return existing.id;
      }
      return this.db
        .insert(contacts)
        .values({
          orgId,
          externalUserId: identity.sub,
          email: identity.email ?? null,
          name: identity.name ?? null,
        })
        .returning({ id: contacts.id })
        .get().id;
    });
  }

  /** The name the customer's entries show: the contact's, or "Customer" when there is none. */
  displayName(contactId: string | null): string {
    if (!contactId) return UNNAMED;
    return this.nameById.get({ id: contactId })?.name ?? UNNAMED;
  }
}
