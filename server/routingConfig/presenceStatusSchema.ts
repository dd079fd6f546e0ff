import { z } from 'zod';

/** The statuses every org has; an org's own statuses cannot take their names. */
export const BUILT_IN_PRESENCE = [
  { presence: 'online', name: 'Online', takesWork: true },
  { presence: 'busy', name: 'Busy', takesWork: false },
  { presence: 'away', name: 'Away', takesWork: false },
  { presence: 'offline', name: 'Offline', takesWork: false },
] as const;

export const presenceStatusInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the status.')
    .max(40, 'A status name has at most 40 characters.')
    .refine(
      (name) =>
        !BUILT_IN_PRESENCE.some((status) => status.name.toLowerCase() === name.toLowerCase()),
      'Online, Busy, Away and Offline are built in; choose another name.',
    ),
  takesWork: z.boolean(),
});

export type PresenceStatusInput = z.infer<typeof presenceStatusInput>;
