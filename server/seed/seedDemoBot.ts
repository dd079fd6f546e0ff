import { and, eq, isNull } from 'drizzle-orm';
import template from '../../bot-runtime/templates/customer-support.json';
import { customerSupportTestCases } from '../bots/botTemplates';
import { publishBotVersion } from '../bots/publishBotVersion';
import { insertTestCases } from '../bots/storedTestCases';
import type { Db } from '../db/client';
import { botDrafts, bots, deployments } from '../db/schema';
import { DEMO_KNOWLEDGE_BASE } from '../demo/demoStore';
import { DEFAULT_DEPLOYMENT_SETTINGS } from '../deployments/deploymentCatalog';

/**
 * Gives the demo org its "Customer support" bot: a draft and test cases from the template, published as
 * version 1 and live on the demo deployments, whose actions call the demo store's endpoints on
 * this same server. Does nothing for parts that already exist.
 */
export function seedDemoBot(
  db: Db,
  orgId: string,
  deploymentPublicIds: readonly string[],
  publicUrl: string,
) {
  const now = new Date();
  let bot = db
    .select()
    .from(bots)
    .where(and(eq(bots.orgId, orgId), eq(bots.name, template.name)))
    .get();
  if (bot) return;
  bot = db
    .insert(bots)
    .values({ orgId, name: template.name, description: template.description, updatedAt: now })
    .returning()
    .get();
  const { testCases: _suite, ...document } = template;
  db.insert(botDrafts).values({ botId: bot.id, orgId, document, updatedAt: now }).run();
  insertTestCases(db, orgId, bot.id, customerSupportTestCases(), null);
  const version = publishBotVersion(db, {
    orgId,
    botId: bot.id,
    document,
    authorId: null,
    note: 'Demo bot from the Customer support template',
  });
  const settings = {
    // The demo store lives on this server: the runner trusts the server's own public origin.
    ...DEFAULT_DEPLOYMENT_SETTINGS,
    actions: {
      orderStatusUrl: `${publicUrl}/api/demo/orders`,
      passwordResetUrl: `${publicUrl}/api/demo/password-reset`,
      knowledgeBase: DEMO_KNOWLEDGE_BASE,
    },
  };
  for (const publicId of deploymentPublicIds) {
    db.update(deployments)
      .set({ botId: bot.id, botVersionId: version.id, settings, updatedAt: now })
      .where(
        and(
          eq(deployments.orgId, orgId),
          eq(deployments.publicId, publicId),
          isNull(deployments.botId),
        ),
      )
      .run();
  }
}
