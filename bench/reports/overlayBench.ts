import template from '../../bot-runtime/templates/customer-support.json';
import { addDays, localDate } from '../../server/bots/orgDays';
import { rollUpClosedDays } from '../../server/bots/traceRollups';
import type { Db } from '../../server/db/client';
import { botVersions } from '../../server/db/schema';
import { botFlowOverlay } from '../../server/reports/botFlowOverlay';
import { generateOverlayHistory } from '../../server/testing/overlayHistory';
import type { History } from './generateHistory';

/** Marks the overlay's version, so a kept database is timed again without adding another. */
const CHECKSUM = 'overlay-bench';

export interface OverlayBenchOptions {
  /** Bot conversations a day on the overlay's version, with two to four traced turns each. */
  conversationsPerDay: number;
  /** Days of traced history; the last 30 are the overlay's range. */
  days: number;
  now: Date;
}

/**
 * Prepares the canvas overlay's case on a generated history: a version of the bot with the
 * demo flow (the Reports history's versions have empty flows and no traces), `days` of
 * traced conversations on it up to `now`, then the hourly job's roll-up of every closed day,
 * as a server that has run all along would have done. Returns what to time: the overlay of
 * that version over the last 30 days, which reads the roll-ups and the two days not yet
 * rolled up from the raw traces. On a kept database that has it already, only the latter.
 */
export async function prepareOverlay(db: Db, history: History, options: OverlayBenchOptions) {
  const [firstVersionId] = history.botVersionIds;
  const firstVersion = firstVersionId
    ? db.$client
        .prepare<[string], { botId: string }>(
          'select bot_id as botId from bot_versions where id = ?',
        )
        .get(firstVersionId)
    : undefined;
  const deploymentId = history.deploymentIds[0];
  const deployment = deploymentId
    ? db.$client
        .prepare<[string], { channel: 'in_app' | 'web' }>(
          'select channel from deployments where id = ?',
        )
        .get(deploymentId)
    : undefined;
  if (!firstVersion || !deploymentId || !deployment) {
    throw new Error('the generated history has no bot version or deployment');
  }
  const kept = db.$client
    .prepare<[string], { id: string }>(
      `select id from bot_versions where org_id = ? and checksum = '${CHECKSUM}'`,
    )
    .get(history.orgId);
  if (kept) return { prepared: null, overlay: overlayOf(db, history, kept.id, options.now) };

  const version = db
    .insert(botVersions)
    .values({
      orgId: history.orgId,
      botId: firstVersion.botId,
      number: history.botVersionIds.length + 1,
      flow: template,
      nluModel: {},
      checksum: CHECKSUM,
    })
    .returning({ id: botVersions.id })
    .get();

  const generated = timed(() =>
    generateOverlayHistory(db, {
      orgId: history.orgId,
      deploymentId,
      channel: deployment.channel,
      botId: firstVersion.botId,
      botVersionId: version.id,
      days: options.days,
      conversationsPerDay: options.conversationsPerDay,
      endMs: options.now.getTime(),
      queueId: history.queueIds[0],
    }),
  );
  const rollUpStarted = performance.now();
  const daysRolledUp = await rollUpClosedDays(db, history.orgId, options.now.getTime());
  const rollUpMs = performance.now() - rollUpStarted;

  return {
    prepared: {
      generatedMs: generated.ms,
      conversations: generated.result.conversations,
      traces: generated.result.traces,
      daysRolledUp,
      rollUpMs,
    },
    overlay: overlayOf(db, history, version.id, options.now),
  };
}

function overlayOf(db: Db, history: History, botVersionId: string, now: Date) {
  const to = localDate(now, history.timeZone);
  const range = { botVersionId, from: addDays(to, -29), to };
  return () => botFlowOverlay(db, history.orgId, range);
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}
