import { z } from 'zod';
import { MAX_GROUPED } from './misunderstood';

const botId = z.string().min(1);
/** A whole group at most: grouping never holds more than `MAX_GROUPED` messages. */
const ids = z
  .array(z.string().min(1))
  .min(1, 'Choose at least one message.')
  .max(MAX_GROUPED, `At most ${MAX_GROUPED} messages at once.`);

export const misunderstoodGroupsInput = z.object({
  botId,
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(50).default(10),
});

export const misunderstoodActionInput = z.object({ botId, ids });

export const markMisunderstoodAddedInput = z.object({
  botId,
  ids,
  intent: z.string().trim().min(1, 'Choose an intent.'),
});
