import type { Db } from '../db/client';
import type { AgentConversations } from '../messaging/agentConversations';
import type { EventHub } from '../messaging/eventHub';
import type { Router } from '../routing/router';
import type { StaffEvents } from '../routing/staffEvents';

/** The running process's routing and agent-side messaging, as the console's handlers use them. */
export interface ConsoleServices {
  db: Db;
  router: Router;
  conversations: AgentConversations;
  hub: EventHub;
  staffEvents: StaffEvents;
}

const KEY = Symbol.for('parley.consoleServices');
type WithServices = typeof globalThis & { [KEY]?: ConsoleServices };

/**
 * The process registers its services once at start; the Next.js handlers, bundled apart from
 * the process's modules, find them here, so both sides share one router, hub and write queue.
 */
export function registerConsoleServices(services: ConsoleServices) {
  (globalThis as WithServices)[KEY] = services;
}

export function getConsoleServices(): ConsoleServices {
  const services = (globalThis as WithServices)[KEY];
  if (!services) {
    throw new Error(
      'The console services are not running in this process: start Parley with server/main.ts.',
    );
  }
  return services;
}
