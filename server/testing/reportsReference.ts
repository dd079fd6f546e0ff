import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  conversationEntries,
  csatResponses,
  messagingSessions,
  orgs,
  workItems,
} from '../db/schema';
import { AGENT_MESSAGE_TYPES } from '../reports/agentTimes';
import type { ReportFilters } from '../reports/reportFilters';
import { average, byCountThenKey, percentile, ratio, secondsBetween } from '../reports/stats';
import { type Period, periodOf } from '../reports/timeBuckets';

/**
 * The metrics' written definitions, worked out row by row over everything the org has, with
 * no database aggregation at all. Tests hold the real queries, which aggregate in the database
 * to stay fast on large ranges, to these figures on hand-made and on random data.
 */
export function referenceReports(db: Db, orgId: string, filters: ReportFilters) {
  const timeZone = db.select().from(orgs).where(eq(orgs.id, orgId)).get()?.timeZone ?? 'UTC';
  const allItems = db.select().from(workItems).where(eq(workItems.orgId, orgId)).all();
  const itemsOf = (sessionId: string) =>
    allItems
      .filter((item) => item.sessionId === sessionId)
      .sort(
        (a, b) =>
          a.askedAt.getTime() - b.askedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
  const sessions = db
    .select()
    .from(messagingSessions)
    .where(eq(messagingSessions.orgId, orgId))
    .all()
    .filter(
      (s) =>
        s.createdAt >= filters.from &&
        s.createdAt < filters.to &&
        (!filters.deploymentId || s.deploymentId === filters.deploymentId) &&
        (!filters.channel || s.channel === filters.channel) &&
        (!filters.botVersionId || s.botVersionId === filters.botVersionId) &&
        (!filters.agentId || s.agentId === filters.agentId) &&
        (!filters.queueId || itemsOf(s.id).some((item) => item.queueId === filters.queueId)),
    );
  const inQueue = (item: { queueId: string }) =>
    !filters.queueId || item.queueId === filters.queueId;
  const conversations = sessions.length;

  const countBy = <T>(list: T[], keyOf: (value: T) => string | null) => {
    const counts = new Map<string | null, number>();
    for (const value of list) counts.set(keyOf(value), (counts.get(keyOf(value)) ?? 0) + 1);
    return counts;
  };
  const byPeriod = (period: Period) =>
    [...countBy(sessions, (s) => periodOf(s.createdAt, timeZone, period))]
      .map(([key, n]) => ({ period: key ?? '', conversations: n }))
      .sort((a, b) => a.period.localeCompare(b.period));
  const by = (keyOf: (s: (typeof sessions)[number]) => string | null) =>
    [...countBy(sessions, keyOf)]
      .map(([key, n]) => ({ key, conversations: n }))
      .sort(byCountThenKey((group) => group.conversations));

  const botOnlyEnded = (endedBy: string[]) =>
    sessions.filter(
      (s) =>
        s.agentType === 'bot' &&
        s.status === 'ended' &&
        endedBy.includes(s.endedBy ?? '') &&
        itemsOf(s.id).length === 0,
    ).length;
  const contained = botOnlyEnded(['bot']);
  const abandonedInBot = botOnlyEnded(['customer', 'system']);

  const firstItems = sessions.flatMap((s) => itemsOf(s.id).filter(inQueue).slice(0, 1));
  const handoffKey = (item: (typeof allItems)[number], field: 'intent' | 'nodeId') => {
    const value = item.handoff[field];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const escalationGroups = (field: 'intent' | 'nodeId') =>
    [...countBy(firstItems, (item) => handoffKey(item, field))]
      .map(([key, n]) => ({ key, escalations: n, rate: ratio(n, conversations) }))
      .sort(byCountThenKey((group) => group.escalations));

  const endedBy = new Map(sessions.map((s) => [s.id, s.endedBy]));
  const items = sessions.flatMap((s) => itemsOf(s.id).filter(inQueue));
  const waits = items.flatMap((item) =>
    item.acceptedAt ? [secondsBetween(item.askedAt, item.acceptedAt)] : [],
  );
  const abandoned = items.filter(
    (item) =>
      !item.acceptedAt &&
      item.status === 'cancelled' &&
      ['customer', 'system'].includes(endedBy.get(item.sessionId) ?? ''),
  ).length;

  const accepted = sessions.filter((s) => s.acceptedAt);
  const firstResponses: number[] = [];
  const handles: number[] = [];
  for (const s of accepted) {
    const acceptedAt = s.acceptedAt as Date;
    const replies = db
      .select()
      .from(conversationEntries)
      .where(eq(conversationEntries.sessionId, s.id))
      .all()
      .filter(
        (e) =>
          e.actorType === 'agent' &&
          AGENT_MESSAGE_TYPES.includes(e.entryType) &&
          e.createdAt >= acceptedAt,
      )
      .map((e) => e.createdAt.getTime());
    if (replies.length > 0) {
      firstResponses.push(secondsBetween(acceptedAt, new Date(Math.min(...replies))));
    }
    if (s.endedAt) handles.push(secondsBetween(acceptedAt, s.endedAt));
  }

  const scoreOf = new Map(
    db
      .select()
      .from(csatResponses)
      .where(eq(csatResponses.orgId, orgId))
      .all()
      .map((answer) => [answer.sessionId, answer.score]),
  );
  const answered = sessions.filter((s) => scoreOf.has(s.id));
  const scores = answered.map((s) => scoreOf.get(s.id) as number);
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const score of scores) distribution[score as keyof typeof distribution] += 1;
  const ended = sessions.filter((s) => s.status === 'ended').length;
  const csatGroups = (keyOf: (s: (typeof sessions)[number]) => string | null) => {
    const lists = new Map<string | null, number[]>();
    for (const s of answered) {
      lists.set(keyOf(s), [...(lists.get(keyOf(s)) ?? []), scoreOf.get(s.id) as number]);
    }
    return [...lists]
      .map(([key, list]) => ({ key, responses: list.length, averageScore: average(list) }))
      .sort(byCountThenKey((group) => group.responses));
  };

  return {
    byDay: byPeriod('day'),
    byWeek: byPeriod('week'),
    byDeployment: by((s) => s.deploymentId),
    byChannel: by((s) => s.channel),
    byBotVersion: by((s) => s.botVersionId),
    deflection: {
      conversations,
      contained,
      abandonedInBot,
      deflectionRate: ratio(contained, conversations),
      abandonedInBotRate: ratio(abandonedInBot, conversations),
    },
    escalations: {
      conversations,
      escalated: firstItems.length,
      escalationRate: ratio(firstItems.length, conversations),
      byIntent: escalationGroups('intent'),
      byNode: escalationGroups('nodeId'),
    },
    waitTimes: {
      answered: waits.length,
      averageWaitSeconds: average(waits),
      p90WaitSeconds: percentile(waits, 90),
      abandoned,
      abandonmentRate: ratio(abandoned, abandoned + waits.length),
    },
    agentTimes: {
      accepted: accepted.length,
      unanswered: accepted.length - firstResponses.length,
      averageFirstResponseSeconds: average(firstResponses),
      p90FirstResponseSeconds: percentile(firstResponses, 90),
      handled: handles.length,
      averageHandleSeconds: average(handles),
    },
    csat: {
      responses: scores.length,
      averageScore: average(scores),
      distribution,
      ended,
      responseRate: ratio(scores.length, ended),
      byAgent: csatGroups((s) => s.agentId),
      byQueue: csatGroups((s) => itemsOf(s.id).at(-1)?.queueId ?? null),
      byBotVersion: csatGroups((s) => s.botVersionId),
    },
  };
}
