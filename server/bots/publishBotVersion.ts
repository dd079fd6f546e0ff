import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { actionRegistry } from '../../bot-runtime/actions';
import { trainFlowNlu } from '../../bot-runtime/botTests/trainFlowNlu';
import { loadFlow, validateFlow } from '../../bot-runtime/flow';
import type { Db } from '../db/client';
import { botVersions } from '../db/schema';
import { DomainError } from '../errors';
import { ignoredPhrases } from './misunderstood';
import { nluResources } from './nluResources';

export interface PublishRequest {
  orgId: string;
  botId: string;
  document: unknown;
  authorId: string | null;
  note: string;
}

/**
 * Publishes a flow as the bot's next immutable version: validates it (errors block), trains
 * its NLU model and stores both with a checksum. Sessions keep running on the version they
 * started with, since a version is never changed afterwards.
 */
export function publishBotVersion(db: Db, request: PublishRequest) {
  const loaded = loadFlow(request.document);
  if (!loaded.ok) {
    throw new DomainError('INVALID_INPUT', loaded.error.message, { issues: loaded.error.issues });
  }
  const flow = loaded.flow;
  const issues = validateFlow(flow, {
    knownActions: actionRegistry.list().map((action) => action.name),
  });
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    throw new DomainError(
      'FLOW_HAS_ERRORS',
      `The flow has ${errors.length} error(s) to fix before publishing.`,
      {
        issues: errors,
      },
    );
  }
  // Messages the designer marked "ignore" in the misunderstood inbox: this bot's own off-topic.
  const nluModel = trainFlowNlu(
    flow,
    nluResources,
    ignoredPhrases(db, request.orgId, request.botId),
  );
  const checksum = createHash('sha256').update(JSON.stringify({ flow, nluModel })).digest('hex');
  return db.transaction((tx) => {
    const latest = tx
      .select({ number: botVersions.number })
      .from(botVersions)
      .where(and(eq(botVersions.botId, request.botId), eq(botVersions.orgId, request.orgId)))
      .orderBy(desc(botVersions.number))
      .get();
    return tx
      .insert(botVersions)
      .values({
        orgId: request.orgId,
        botId: request.botId,
        number: (latest?.number ?? 0) + 1,
        flow,
        nluModel,
        checksum,
        authorId: request.authorId,
        note: request.note,
      })
      .returning()
      .get();
  });
}
