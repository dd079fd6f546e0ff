import { eq } from 'drizzle-orm';
import { type FlowDocument, loadFlow } from '../../bot-runtime/flow';
import { type LoadedNlu, loadNlu } from '../../bot-runtime/nlu';
import type { Db } from '../db/client';
import { botVersions } from '../db/schema';
import { DomainError } from '../errors';
import { isVersionOf } from './botVersions';
import { nluResources } from './nluResources';

const CACHED_VERSIONS = 16;

/** Most recently used last; versions never change, so a loaded one stays right. */
const loadedById = new Map<string, { flow: FlowDocument; nlu: LoadedNlu }>();

/**
 * A published version as customers get it, its trained NLU model included, for the preview to
 * run. The org and bot are checked on every call; only the loading is cached.
 */
export function previewVersion(
  db: Db,
  orgId: string,
  botId: string,
  versionId: string,
): { flow: FlowDocument; nlu: LoadedNlu } {
  const row = db
    .select({ id: botVersions.id })
    .from(botVersions)
    .where(isVersionOf(orgId, botId, versionId))
    .get();
  if (!row) throw new DomainError('NOT_FOUND', 'No such version of this bot.');
  const cached = loadedById.get(versionId);
  if (cached) {
    loadedById.delete(versionId);
    loadedById.set(versionId, cached);
    return cached;
  }
  const stored = db
    .select({ flow: botVersions.flow, nluModel: botVersions.nluModel })
    .from(botVersions)
    .where(eq(botVersions.id, versionId))
    .get();
  const loaded = stored && loadFlow(stored.flow);
  if (!stored || !loaded?.ok) throw new Error(`Bot version ${versionId} does not load.`);
  const version = { flow: loaded.flow, nlu: loadNlu(stored.nluModel, nluResources) };
  loadedById.set(versionId, version);
  const oldest = loadedById.keys().next();
  if (loadedById.size > CACHED_VERSIONS && !oldest.done) loadedById.delete(oldest.value);
  return version;
}
