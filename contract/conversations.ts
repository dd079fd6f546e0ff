import { z } from 'zod';
import { entrySchema } from './entries';

export const SESSION_STATUSES = ['new', 'waiting', 'active', 'inactive', 'ended', 'error'] as const;

const clientMessageId = z
  .string()
  .min(1)
  .max(100)
  .describe('Chosen by the app; a retry with the same id returns the stored entry.');

export const startConversationBody = z.object({
  identityToken: z.string().max(8_000).optional(),
  context: z
    .record(z.string().max(100), z.union([z.string().max(2_000), z.number(), z.boolean()]))
    .optional(),
  prechat: z
    .record(z.string().max(100), z.union([z.string().max(2_000), z.number(), z.boolean()]))
    .optional(),
  locale: z.string().max(35).optional(),
});

export const conversationStartedSchema = z.object({
  conversationId: z.string(),
  accessToken: z.string(),
  accessTokenExpiresAt: z.iso.datetime(),
  status: z.enum(SESSION_STATUSES),
  resumed: z.boolean(),
  entries: z.array(entrySchema),
});

export const sendMessageBody = z.union([
  z.object({ clientMessageId, text: z.string().trim().min(1).max(4_000) }).strict(),
  z
    .object({
      clientMessageId,
      choice: z.string().min(1).max(200),
      /** The button text the customer saw, shown back in the transcript. */
      label: z.string().max(200).optional(),
    })
    .strict(),
  z.object({ clientMessageId, form: z.record(z.string().max(100), z.unknown()) }).strict(),
]);

export type SendMessageBody = z.infer<typeof sendMessageBody>;

export const messageAcceptedSchema = z.object({ entry: entrySchema });

export const entriesPageSchema = z.object({
  entries: z.array(entrySchema),
  hasMore: z.boolean(),
});

export const listEntriesQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Long-polling: with nothing after `after`, hold the answer up to this many seconds. */
  wait: z.coerce.number().int().min(0).max(30).default(0),
});

export const typingBody = z.object({ isTyping: z.boolean() });
export const readBody = z.object({ upToSeq: z.number().int().min(0) });
export const csatBody = z.object({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2_000).optional(),
});
export const refreshTokenBody = z.object({ identityToken: z.string().max(8_000).optional() });

export const conversationSummarySchema = z.object({
  conversationId: z.string(),
  status: z.enum(SESSION_STATUSES),
  createdAt: z.iso.datetime(),
  lastEntry: entrySchema.nullable(),
});

export const conversationListSchema = z.object({
  conversations: z.array(conversationSummarySchema),
});

/** The device's IANA time zone, so a deployment's quiet hours follow the customer's clock. */
const timeZone = z
  .string()
  .max(64)
  .refine((name) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name });
      return true;
    } catch {
      return false;
    }
  }, 'use an IANA time zone name such as Europe/Paris')
  .optional();

const deviceToken = z.string().min(1).max(4_096);

export const pushRegistrationBody = z.discriminatedUnion('platform', [
  z.object({ platform: z.literal('fcm'), token: deviceToken, timeZone }),
  z.object({
    platform: z.literal('apns'),
    token: deviceToken,
    /** The app's bundle id: APNs delivers only to the app it names. */
    bundleId: z
      .string()
      .regex(/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/, 'use the app’s bundle id, e.g. com.example.app'),
    /** Debug builds get sandbox tokens, App Store and TestFlight builds production ones. */
    environment: z.enum(['sandbox', 'production']),
    timeZone,
  }),
  z.object({
    platform: z.literal('web_push'),
    subscription: z.object({
      endpoint: z.url({ protocol: /^https$/ }),
      keys: z.object({ p256dh: z.string().max(200), auth: z.string().max(100) }),
    }),
    timeZone,
  }),
]);

/** Logging out on a device: its token (or Web Push endpoint) stops getting this customer's replies. */
export const revokePushTokenBody = z.object({ token: deviceToken });

export const pushTokenRevokedSchema = z.object({
  /** How many registrations stopped; 0 when the token was not registered (or already revoked). */
  revoked: z.number().int().min(0),
});

export const pushRegistrationSchema = z.object({
  id: z.string(),
  platform: z.enum(['fcm', 'apns', 'web_push']),
  createdAt: z.iso.datetime(),
});

export const apiErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
