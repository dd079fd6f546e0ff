import { z } from 'zod';

export const routingSettingsInput = z.object({
  /** null: agents are never set Away for missing offers. */
  autoAwayAfterMissedOffers: z
    .number('Enter a number of offers.')
    .int('Enter a whole number of offers.')
    .min(1, 'Set Away after at least 1 missed offer.')
    .max(20, 'Set Away after at most 20 missed offers.')
    .nullable(),
  rerouteOnOffline: z.boolean(),
  /** null: an accepted conversation stays with its agent however long they take to reply. */
  noReplyReassignSeconds: z
    .number('Enter a number of seconds.')
    .int('Enter a whole number of seconds.')
    .min(15, 'Reassign after at least 15 seconds without a reply.')
    .max(86_400, 'Reassign after at most 86,400 seconds (a day).')
    .nullable(),
});

export type RoutingSettingsInput = z.infer<typeof routingSettingsInput>;
