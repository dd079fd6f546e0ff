/**
 * A poke to the org's consoles: routing state changed for these agents (an offer arrived, an
 * item moved, presence changed). Consoles re-read what they show; the poke carries no data a
 * wrong listener could leak.
 */
export interface StaffEvent {
  orgId: string;
  /** Agents whose own work changed; empty when only queues or supervisors' views changed. */
  agentIds: string[];
  /** An offer was made to the first agent in `agentIds`: the console alerts. */
  offer?: { workItemId: string };
}

type Listener = (event: StaffEvent) => void;

/** In-process fan-out of routing changes per org, behind the same interface a broker would take. */
export class StaffEvents {
  private listeners = new Map<string, Set<Listener>>();

  subscribe(orgId: string, listener: Listener): () => void {
    let set = this.listeners.get(orgId);
    if (!set) {
      set = new Set();
      this.listeners.set(orgId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(orgId);
    };
  }

  publish(event: StaffEvent) {
    for (const listener of this.listeners.get(event.orgId) ?? []) listener(event);
  }
}

const KEY = Symbol.for('parley.staffEvents');
type WithStaffEvents = typeof globalThis & { [KEY]?: StaffEvents };

/** The process-wide instance, shared by the routing worker and the Next.js handlers. */
export function getStaffEvents(): StaffEvents {
  const holder = globalThis as WithStaffEvents;
  holder[KEY] ??= new StaffEvents();
  return holder[KEY];
}
