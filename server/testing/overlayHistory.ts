import type { Db } from '../db/client';
import { newId } from '../db/schema/columns';

const DAY_MS = 24 * 60 * 60_000;

export interface OverlayHistoryOptions {
  orgId: string;
  deploymentId: string;
  channel: 'in_app' | 'web';
  botId: string;
  botVersionId: string;
  /** Days of history ending at `endMs`, each with `conversationsPerDay` conversations. */
  days: number;
  conversationsPerDay: number;
  endMs: number;
  /** Escalated conversations get a work item in this queue; none escalate without it. */
  queueId?: string;
  seed?: number;
}

/**
 * Writes a history of bot conversations on one version for the overlay's benchmark: sessions,
 * and per session two to four bot turns whose traces walk the version's flow from its start
 * node along random edges (a step of about 0.3 KB, like the engine's), with a mix of outcomes
 * (about half contained, a fifth abandoned, a sixth escalated when a queue is given, some "no
 * agent" and errors). Prepared statements, one transaction per day: a few seconds per 100,000
 * conversations. Returns how many conversations and traces it wrote.
 */
export function generateOverlayHistory(db: Db, options: OverlayHistoryOptions) {
  const random = seeded(options.seed ?? 20);
  const edges = flowEdges(db, options.botVersionId);
  const outgoing = new Map<string, typeof edges>();
  for (const edge of edges) {
    outgoing.set(edge.sourceNodeId, [...(outgoing.get(edge.sourceNodeId) ?? []), edge]);
  }
  const insertSession = db.$client.prepare(
    `insert into messaging_sessions
       (id, org_id, deployment_id, channel, status, agent_type, bot_id, bot_version_id,
        context, prechat, created_at, ended_at, ended_by)
     values (?, ?, ?, ?, ?, ?, ?, ?, '{}', '{}', ?, ?, ?)`,
  );
  const insertTrace = db.$client.prepare(
    `insert into bot_turn_traces (id, org_id, session_id, turn, bot_version_id, status, trace, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertWorkItem = db.$client.prepare(
    `insert into work_items (id, org_id, session_id, queue_id, status, handoff, asked_at, created_at)
     values (?, ?, ?, ?, 'completed', '{}', ?, ?)`,
  );

  let conversations = 0;
  let traces = 0;
  const firstDay = options.endMs - options.days * DAY_MS;
  for (let day = 0; day < options.days; day++) {
    db.$client.transaction(() => {
      for (let i = 0; i < options.conversationsPerDay; i++) {
        const startedAt = Math.floor(firstDay + day * DAY_MS + random() * DAY_MS);
        const sessionId = newId();
        const roll = random();
        const escalated = options.queueId !== undefined && roll < 0.17;
        const noAgent = !escalated && roll < 0.25;
        const error = !escalated && !noAgent && roll < 0.3;
        const abandoned = !escalated && !noAgent && !error && roll < 0.5;
        insertSession.run(
          sessionId,
          options.orgId,
          options.deploymentId,
          options.channel,
          error ? 'error' : 'ended',
          escalated ? 'bot_to_agent' : 'bot',
          options.botId,
          options.botVersionId,
          startedAt,
          startedAt + 120_000,
          escalated ? 'agent' : abandoned ? 'customer' : 'bot',
        );
        if (escalated && options.queueId) {
          insertWorkItem.run(
            newId(),
            options.orgId,
            sessionId,
            options.queueId,
            startedAt + 60_000,
            startedAt + 60_000,
          );
        }
        // A walk from the start node, cut into turns where a customer would have answered.
        let nodeId: string | undefined = 'start';
        const turns = 2 + Math.floor(random() * 3);
        for (let turn = 1; turn <= turns && nodeId; turn++) {
          const steps: unknown[] = [];
          for (let n = 0; n < 4 && nodeId; n++) {
            const choices: typeof edges = outgoing.get(nodeId) ?? [];
            const edge = choices[Math.floor(random() * choices.length)];
            steps.push(step(steps.length + 1, nodeId, edge));
            nodeId = edge?.targetNodeId;
          }
          const trace = {
            input: { type: 'text', text: 'a customer message of a usual length' },
            steps,
            error: null,
            startedAt: startedAt + turn * 10_000,
            durationMs: 3,
            ...(noAgent && turn === turns ? { noAgentReason: 'NO_AGENT_ONLINE' } : {}),
          };
          insertTrace.run(
            newId(),
            options.orgId,
            sessionId,
            turn,
            options.botVersionId,
            'awaiting_input',
            JSON.stringify(trace),
            startedAt + turn * 10_000,
          );
          traces += 1;
        }
        conversations += 1;
      }
    })();
  }
  return { conversations, traces };
}

function step(
  index: number,
  nodeId: string,
  edge: { sourceOutput: string; targetNodeId: string } | undefined,
) {
  return {
    step: index,
    nodeId,
    nodeType: 'message',
    nodeLabel: nodeId,
    resumed: false,
    result: edge ? 'next' : 'wait',
    output: edge?.sourceOutput ?? null,
    nextNodeId: edge?.targetNodeId ?? null,
    reasons: [{ kind: 'rule', text: 'a reason the engine gives, of a usual length' }],
    startedAt: 0,
    durationMs: 1,
  };
}

function flowEdges(db: Db, botVersionId: string) {
  const row = db.$client
    .prepare<[string], { flow: string }>('select flow from bot_versions where id = ?')
    .get(botVersionId);
  const flow = row ? (JSON.parse(row.flow) as { edges?: unknown }) : {};
  return (Array.isArray(flow.edges) ? flow.edges : []) as {
    sourceNodeId: string;
    sourceOutput: string;
    targetNodeId: string;
  }[];
}

/** mulberry32: the same history for the same seed. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
