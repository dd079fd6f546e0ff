import type { StaffRole } from '../db/schema';

/** Which roles may enter each staff area; the UI's navigation and the server's checks share it. */
export const AREA_ROLES = {
  studio: ['admin', 'designer', 'qa'],
  console: ['admin', 'supervisor', 'agent'],
  admin: ['admin'],
  reports: ['admin', 'supervisor'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffArea = keyof typeof AREA_ROLES;

export function canEnter(area: StaffArea, role: StaffRole): boolean {
  return (AREA_ROLES[area] as readonly StaffRole[]).includes(role);
}

/** Who may change bots in the studio; QA there only reads and previews. */
export const BOT_EDITOR_ROLES = ['admin', 'designer'] as const satisfies readonly StaffRole[];

export function canEditBots(role: StaffRole): boolean {
  return (BOT_EDITOR_ROLES as readonly StaffRole[]).includes(role);
}

/** Who watches the floor: queues, agents, the decision log; they may set others' presence. */
export const SUPERVISOR_ROLES = ['admin', 'supervisor'] as const satisfies readonly StaffRole[];

/**
 * Pages that fewer roles may open than their area lets in, by route; the page checks it and
 * the access test reads it beside AREA_ROLES.
 */
export const PAGE_ROLES: Record<string, { label: string; roles: readonly StaffRole[] }> = {
  '/console/supervisor': { label: 'the supervisor view', roles: SUPERVISOR_ROLES },
  '/studio/bots/[botId]/misunderstood': {
    label: 'the misunderstood inbox',
    roles: BOT_EDITOR_ROLES,
  },
};

export function canOpenPage(route: string, role: StaffRole): boolean {
  const page = PAGE_ROLES[route];
  return !page || page.roles.includes(role);
}
