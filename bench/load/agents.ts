import { setTimeout as sleep } from 'node:timers/promises';
import type { HandoffStats } from './handoffStats';
import { signInStaff } from './staffSession';

export interface AgentLogin {
  email: string;
  password: string;
}

interface AgentRow {
  id: string;
  email: string;
  skills: { skillId: string; level: number }[];
  queues: { id: string }[];
}

interface WorkspaceItem {
  workItemId: string;
  sessionId: string;
  status: 'offered' | 'accepted';
}

interface Workspace {
  offers: WorkspaceItem[];
  conversations: WorkspaceItem[];
}

type ConsoleEvent =
  | { type: 'ready' }
  | { type: 'work' }
  | { type: 'entry'; sessionId: string; entry: { actor: { type: string }; type: string } }
  | { type: 'typing' | 'read'; sessionId: string };

/** The demo agents whose routing profiles the soak's agents share: Orders, then Accounts. */
const PROFILES = ['alice@acme.test', 'bob@acme.test'];
/** How long an agent waits for the customer's answer before ending the conversation anyway. */
const CUSTOMER_ANSWER_MS = 60_000;

/**
 * Sets up `count` agents as admin@acme.test would in Admin: Alice and Bob with their capacity
 * raised, then, past two, new agents alternating Alice's and Bob's skills and queues.
 */
export async function prepareAgents(
  base: string,
  demoPassword: string,
  count: number,
  capacity: number,
): Promise<AgentLogin[]> {
  if (count === 0) return [];
  const admin = await signInStaff(base, 'admin@acme.test', demoPassword);
  const { items } = await admin.query<{ items: AgentRow[] }>('routingConfig.agents.list', {
    page: 1,
    pageSize: 100,
    search: '',
  });
  const profiles = PROFILES.map((email) => {
    const found = items.find((row) => row.email === email);
    if (!found) throw new Error(`${email} is missing from the demo org`);
    return found;
  });
  const logins: AgentLogin[] = [];
  for (let index = 0; index < count; index++) {
    const profile = profiles[index % profiles.length] as AgentRow;
    let userId = profile.id;
    let login: AgentLogin = { email: profile.email, password: demoPassword };
    if (index >= profiles.length) {
      const email = `soak-agent-${index + 1}@acme.test`;
      const created = await admin.mutate<{ user: { id: string }; temporaryPassword: string }>(
        'staffUsers.create',
        { email, name: `Soak Agent ${index + 1}`, role: 'agent' },
      );
      userId = created.user.id;
      login = { email, password: created.temporaryPassword };
    }
    await admin.mutate('routingConfig.agents.update', {
      userId,
      agent: {
        capacity,
        skills: profile.skills.map(({ skillId, level }) => ({ skillId, level })),
        queueIds: profile.queues.map((queue) => queue.id),
      },
    });
    logins.push(login);
  }
  return logins;
}

/**
 * One agent at the console: signed in, Online, its `console.events` stream open for the whole
 * run (opened again if it drops, as the console does). On every poke it re-reads its workspace,
 * accepts each offer, answers, waits for the customer's answer and ends the conversation.
 */
export async function runAgent(
  base: string,
  login: AgentLogin,
  stats: HandoffStats,
  stopped: Promise<void>,
  online: () => void,
) {
  const session = await signInStaff(base, login.email, login.password);
  const handled = new Set<string>();
  const customerAnswered = new Map<string, () => void>();
  let stopping = false;
  let refreshing: Promise<void> | null = null;
  let again = false;

  const fail = (kind: unknown) =>
    stats.fail('agent', kind instanceof Error ? kind.message : String(kind));

  async function serve(item: WorkspaceItem) {
    const { sessionId } = item;
    try {
      if (item.status === 'offered') {
        await session.mutate('console.accept', { workItemId: item.workItemId });
        if (stats.inWindow(performance.now())) stats.accepted++;
      }
      const answered = new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), CUSTOMER_ANSWER_MS).unref();
        customerAnswered.set(sessionId, () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      stats.replySentAt.set(sessionId, performance.now());
      await session.mutate('console.send', {
        sessionId,
        text: 'Hello, I have your order in front of me: it left our warehouse this morning.',
        clientMessageId: `agent-${sessionId}`,
      });
      if (!(await Promise.race([answered, stopped.then(() => true)]))) {
        fail('no answer from the customer within a minute');
      }
      if (!stopping) await session.mutate('console.end', { sessionId });
    } catch (error) {
      if (!stopping) fail(error);
    } finally {
      customerAnswered.delete(sessionId);
      stats.replySentAt.delete(sessionId);
    }
  }

  async function readWorkspace() {
    do {
      again = false;
      const workspace = await session.query<Workspace>('console.workspace');
      for (const item of [...workspace.offers, ...workspace.conversations]) {
        if (handled.has(item.workItemId)) continue;
        handled.add(item.workItemId);
        void serve(item);
      }
    } while (again && !stopping);
  }

  /** Pokes that arrive while the workspace is being read are folded into one more read. */
  function refresh() {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = readWorkspace()
      .catch((error: unknown) => {
        if (!stopping) fail(error);
      })
      .finally(() => {
        refreshing = null;
      });
  }

  function onEvent(value: unknown) {
    const event = value as ConsoleEvent;
    if (event.type === 'ready' || event.type === 'work') refresh();
    else if (
      event.type === 'entry' &&
      event.entry.actor.type === 'customer' &&
      event.entry.type === 'text'
    ) {
      customerAnswered.get(event.sessionId)?.();
    }
  }

  function openStream(): Promise<{ close: () => void }> {
    return session.subscribe('console.events', onEvent, (error) => {
      if (stopping || error === null) return;
      if (stats.inWindow(performance.now())) stats.reconnects++;
      void reopen();
    });
  }

  async function reopen() {
    while (!stopping) {
      await sleep(1_000);
      if (stopping) return;
      try {
        stream = await openStream();
        return;
      } catch (error) {
        fail(error);
      }
    }
  }

  let stream = await openStream();
  await session.mutate('console.setPresence', { presence: 'online' });
  online();
  await stopped;
  stopping = true;
  stream.close();
}
