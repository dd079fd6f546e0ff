import type { AgentVerdict, ConsideredAgent, RequiredSkill } from '../db/schema';

/** An agent as one routing pass sees them; the pass updates it as it hands out offers. */
export interface AgentSnapshot {
  id: string;
  name: string;
  takesWork: boolean;
  capacity: number;
  load: number;
  /** Items offered to or accepted by the agent: "least active" counts these. */
  openItems: number;
  /** Epoch ms of the agent's last assignment; null for never, who then waited longest. */
  lastAssignedAt: number | null;
  queueIds: ReadonlySet<string>;
  /** Skill name → level. */
  skills: ReadonlyMap<string, number>;
}

export interface ItemToRoute {
  id: string;
  queueId: string;
  overflowQueueId: string | null;
  size: number;
  requiredSkills: RequiredSkill[];
  optionalSkills: RequiredSkill[];
  /** Epoch ms until which the item waits for holders of the optional skills. */
  optionalSkillsUntil: number | null;
  passedOverBy: readonly string[];
  /** True once everyone able to take it has passed on it and a new round may begin. */
  newRound: boolean;
}

export type RoutingModel = 'most_available' | 'least_active';

export interface Judgement {
  considered: ConsideredAgent[];
  chosen: AgentSnapshot | null;
  /** Why it waits, in words a supervisor reads; empty when an agent was chosen. */
  waitingReason: string;
}

const holds = (agent: AgentSnapshot, skills: RequiredSkill[]) =>
  skills.every(({ skill, minLevel }) => (agent.skills.get(skill) ?? 0) >= minLevel);

/**
 * Why `agent` may not take `item`, or null when they may. Checked in the order a supervisor
 * would ask: in the queue at all, taking work, the skills, the levels, room for it.
 */
function verdictFor(agent: AgentSnapshot, item: ItemToRoute): [AgentVerdict, string] | null {
  const member =
    agent.queueIds.has(item.queueId) ||
    (item.overflowQueueId !== null && agent.queueIds.has(item.overflowQueueId));
  if (!member) return ['membership', 'not a member of the queue'];
  if (!agent.takesWork) return ['presence', 'not taking work'];
  const missing = item.requiredSkills.filter(({ skill }) => !agent.skills.has(skill));
  if (missing.length > 0) {
    return ['skill', `lacks ${missing.map(({ skill }) => skill).join(', ')}`];
  }
  const low = item.requiredSkills.filter(
    ({ skill, minLevel }) => (agent.skills.get(skill) ?? 0) < minLevel,
  );
  if (low.length > 0) {
    return [
      'level',
      low
        .map(({ skill, minLevel }) => `${skill} at ${agent.skills.get(skill)}, needs ${minLevel}`)
        .join('; '),
    ];
  }
  if (agent.capacity - agent.load < item.size) {
    return ['capacity', `load ${agent.load} of ${agent.capacity}, item needs ${item.size}`];
  }
  if (!item.newRound && item.passedOverBy.includes(agent.id)) {
    return ['passed_over', 'declined it or let the offer time out'];
  }
  return null;
}

/** Whether `a` should get the item before `b` under the queue's model. */
function before(model: RoutingModel, a: AgentSnapshot, b: AgentSnapshot): number {
  const byModel =
    model === 'most_available'
      ? b.capacity - b.load - (a.capacity - a.load)
      : a.openItems - b.openItems;
  if (byModel !== 0) return byModel;
  const waitedA = a.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  const waitedB = b.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  if (waitedA !== waitedB) return waitedA < waitedB ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One routing decision: every agent in the item's queues judged, and the one to offer it to.
 * Agents outside the queues are not listed: in a large org they would drown the reasons.
 */
export function judgeAgents(
  item: ItemToRoute,
  agents: readonly AgentSnapshot[],
  model: RoutingModel,
  now: number,
): Judgement {
  const considered: ConsideredAgent[] = [];
  let eligible: AgentSnapshot[] = [];
  for (const agent of agents) {
    const verdict = verdictFor(agent, item);
    if (verdict?.[0] === 'membership') continue;
    if (verdict) {
      considered.push({
        agentId: agent.id,
        name: agent.name,
        verdict: verdict[0],
        detail: verdict[1],
      });
    } else {
      eligible.push(agent);
    }
  }
  let preference = '';
  if (item.optionalSkills.length > 0 && item.optionalSkillsUntil !== null) {
    if (now < item.optionalSkillsUntil) {
      // Until the queue's wait is over the optional skills count as required: the item waits
      // for a holder rather than going to whoever is free.
      const until = new Date(item.optionalSkillsUntil).toISOString();
      const wanted = item.optionalSkills.map(({ skill, minLevel }) => `${skill} ${minLevel}`);
      for (const agent of eligible) {
        if (!holds(agent, item.optionalSkills)) {
          considered.push({
            agentId: agent.id,
            name: agent.name,
            verdict: 'optional_skill',
            detail: `lacks ${wanted.join(', ')}, which it waits for until ${until}`,
          });
        }
      }
      eligible = eligible.filter((agent) => holds(agent, item.optionalSkills));
      preference = ', holds the optional skills';
    }
  }
  eligible.sort((a, b) => before(model, a, b));
  const [chosen = null, ...rest] = eligible;
  for (const agent of rest) {
    considered.push({
      agentId: agent.id,
      name: agent.name,
      verdict: 'eligible',
      detail: modelDetail(model, agent),
    });
  }
  if (chosen) {
    considered.unshift({
      agentId: chosen.id,
      name: chosen.name,
      verdict: 'chosen',
      detail: `${modelDetail(model, chosen)}${preference}`,
    });
  }
  return { considered, chosen, waitingReason: chosen ? '' : waitingReason(considered) };
}

function modelDetail(model: RoutingModel, agent: AgentSnapshot): string {
  const waited =
    agent.lastAssignedAt === null
      ? 'no assignment yet'
      : `last assigned ${new Date(agent.lastAssignedAt).toISOString()}`;
  return model === 'most_available'
    ? `${agent.capacity - agent.load} of ${agent.capacity} free, ${waited}`
    : `${agent.openItems} open item(s), ${waited}`;
}

const WAITING_WORDS: Record<AgentVerdict, string> = {
  chosen: '',
  eligible: '',
  presence: 'not taking work',
  membership: '',
  skill: 'missing a required skill',
  level: 'below a required level',
  capacity: 'at capacity',
  passed_over: 'already passed on it',
  optional_skill: 'without the optional skills it still waits for',
};

/** "No agent can take it: 2 not taking work, 1 at capacity". */
function waitingReason(considered: ConsideredAgent[]): string {
  if (considered.length === 0) return 'No agent is a member of the queue.';
  const counts = new Map<AgentVerdict, number>();
  for (const { verdict } of considered) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const parts = [...counts].map(([verdict, count]) => `${count} ${WAITING_WORDS[verdict]}`);
  return `No agent can take it: ${parts.join(', ')}.`;
}
