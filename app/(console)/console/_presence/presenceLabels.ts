import type { Presence } from '../_live/consoleTypes';

/** The built-in presences in the order an agent goes through a day. */
export const PRESENCE_LABELS: Record<Presence, string> = {
  online: 'Online',
  busy: 'Busy',
  away: 'Away',
  offline: 'Offline',
};

export const BUILT_IN_PRESENCES = Object.keys(PRESENCE_LABELS) as Presence[];
