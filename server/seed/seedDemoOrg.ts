import { and, eq } from 'drizzle-orm';
import { generatePassword, hashPassword } from '../auth/password';
import type { Db } from '../db/client';
import {
  accounts,
  agentSkills,
  agentStates,
  cases,
  contacts,
  deployments,
  orgs,
  presenceStatuses,
  queueMembers,
  queues,
  quickTexts,
  skills,
  staffUsers,
} from '../db/schema';
import { generateApiKey } from '../deployments/apiKey';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '../deployments/deploymentCatalog';
import { DEMO_ORG } from './demoOrg';
import { seedDemoBot } from './seedDemoBot';

export interface SeedResult {
  /** Set only when this run created staff accounts with a generated password. */
  generatedPassword?: string;
  createdStaff: number;
}

/**
 * Creates whatever part of the demo org is missing, keyed by natural names, so a second run
 * (or a run after a crash half-way) changes nothing that exists.
 */
export async function seedDemoOrg(
  db: Db,
  options: { demoPassword?: string; publicUrl?: string } = {},
): Promise<SeedResult> {
  const missingStaff = DEMO_ORG.staff.filter(
    (member) =>
      !db
        .select({ id: staffUsers.id })
        .from(staffUsers)
        .where(eq(staffUsers.email, member.email))
        .get(),
  );
  const password = missingStaff.length ? (options.demoPassword ?? generatePassword()) : undefined;
  const passwordHash = password ? await hashPassword(password) : undefined;

  db.transaction((tx) => {
    const org =
      tx.select().from(orgs).where(eq(orgs.slug, DEMO_ORG.slug)).get() ??
      tx.insert(orgs).values({ name: DEMO_ORG.name, slug: DEMO_ORG.slug }).returning().get();
    const now = new Date();

    const skillIds = new Map<string, string>();
    for (const name of DEMO_ORG.skills) {
      const row =
        tx
          .select()
          .from(skills)
          .where(and(eq(skills.orgId, org.id), eq(skills.name, name)))
          .get() ?? tx.insert(skills).values({ orgId: org.id, name }).returning().get();
      skillIds.set(name, row.id);
    }
    const queueIds = new Map<string, string>();
    for (const name of DEMO_ORG.queues) {
      const row =
        tx
          .select()
          .from(queues)
          .where(and(eq(queues.orgId, org.id), eq(queues.name, name)))
          .get() ?? tx.insert(queues).values({ orgId: org.id, name }).returning().get();
      queueIds.set(name, row.id);
    }

    for (const status of DEMO_ORG.presenceStatuses) {
      const exists = tx
        .select()
        .from(presenceStatuses)
        .where(and(eq(presenceStatuses.orgId, org.id), eq(presenceStatuses.name, status.name)))
        .get();
      if (!exists)
        tx.insert(presenceStatuses)
          .values({ orgId: org.id, ...status })
          .run();
    }
    for (const text of DEMO_ORG.quickTexts) {
      const exists = tx
        .select()
        .from(quickTexts)
        .where(and(eq(quickTexts.orgId, org.id), eq(quickTexts.title, text.title)))
        .get();
      if (!exists)
        tx.insert(quickTexts)
          .values({ orgId: org.id, ...text, updatedAt: now })
          .run();
    }

    for (const member of missingStaff) {
      if (!passwordHash) break;
      const user = tx
        .insert(staffUsers)
        .values({
          orgId: org.id,
          email: member.email,
          name: member.name,
          role: member.role,
          passwordHash,
        })
        .returning()
        .get();
      const skillId = member.skill ? skillIds.get(member.skill) : undefined;
      const queueId = member.queue ? queueIds.get(member.queue) : undefined;
      if (skillId && queueId) {
        tx.insert(agentSkills).values({ orgId: org.id, userId: user.id, skillId, level: 7 }).run();
        tx.insert(queueMembers).values({ orgId: org.id, userId: user.id, queueId }).run();
        tx.insert(agentStates).values({ orgId: org.id, userId: user.id, updatedAt: now }).run();
      }
    }

    for (const deployment of DEMO_ORG.deployments) {
      if (tx.select().from(deployments).where(eq(deployments.publicId, deployment.publicId)).get())
        continue;
      // The demo key is never shown: an admin rotates it to get one they can see.
      const apiKey = generateApiKey();
      tx.insert(deployments)
        .values({
          orgId: org.id,
          ...deployment,
          apiKeyHash: apiKey.hash,
          apiKeyPrefix: apiKey.prefix,
          apiKeyRotatedAt: now,
          settings: DEFAULT_DEPLOYMENT_SETTINGS,
          updatedAt: now,
        })
        .run();
    }

    const accountIds = new Map<string, string>();
    for (const account of DEMO_ORG.accounts) {
      const row =
        tx
          .select()
          .from(accounts)
          .where(and(eq(accounts.orgId, org.id), eq(accounts.name, account.name)))
          .get() ??
        tx
          .insert(accounts)
          .values({ orgId: org.id, ...account })
          .returning()
          .get();
      accountIds.set(account.name, row.id);
    }
    for (const { cases: contactCases, account, ...contact } of DEMO_ORG.contacts) {
      const accountId = account ? (accountIds.get(account) ?? null) : null;
      const row =
        tx
          .select()
          .from(contacts)
          .where(
            and(eq(contacts.orgId, org.id), eq(contacts.externalUserId, contact.externalUserId)),
          )
          .get() ??
        tx
          .insert(contacts)
          .values({ orgId: org.id, ...contact, accountId })
          .returning()
          .get();
      for (const demoCase of contactCases) {
        const exists = tx
          .select()
          .from(cases)
          .where(and(eq(cases.orgId, org.id), eq(cases.number, demoCase.number)))
          .get();
        if (exists) continue;
        tx.insert(cases)
          .values({
            orgId: org.id,
            ...demoCase,
            contactId: row.id,
            accountId,
            closedAt: demoCase.status === 'closed' ? now : null,
          })
          .run();
      }
    }
  });

  const org = db.select().from(orgs).where(eq(orgs.slug, DEMO_ORG.slug)).get();
  if (org) {
    seedDemoBot(
      db,
      org.id,
      DEMO_ORG.deployments.map((deployment) => deployment.publicId),
      options.publicUrl ?? 'http://localhost:3000',
    );
  }

  return {
    generatedPassword: password && !options.demoPassword ? password : undefined,
    createdStaff: missingStaff.length,
  };
}
