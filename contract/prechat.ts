import { z } from 'zod';

/** The pre-chat form a deployment asks new web customers to fill in before the first message. */

export const PRECHAT_FIELD_TYPES = ['text', 'email'] as const;

export const prechatFieldSchema = z.object({
  /** The key the answer is sent under in `prechat` when the conversation starts. */
  name: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z][A-Za-z0-9_]{0,39}$/,
      'a field name starts with a letter and has only letters, digits and _ (40 at most)',
    ),
  label: z.string().trim().min(1).max(100),
  type: z.enum(PRECHAT_FIELD_TYPES),
  required: z.boolean(),
});

export type PrechatField = z.infer<typeof prechatFieldSchema>;

/** What a browser needs to subscribe to the deployment's Web Push notifications. */
export const webPushConfigSchema = z.object({
  /** False: the deployment sends no notifications, so the widget does not offer them. */
  enabled: z.boolean(),
  /** The VAPID public key, URL-safe base64: `pushManager.subscribe`'s applicationServerKey. */
  vapidPublicKey: z.string(),
});

export type WebPushConfig = z.infer<typeof webPushConfigSchema>;

/** The web widget's configuration of a deployment, read before the conversation starts. */
export const prechatFormSchema = z.object({
  /** Empty when the deployment asks nothing before the conversation starts. */
  fields: z.array(prechatFieldSchema),
  webPush: webPushConfigSchema,
});

export type PrechatForm = z.infer<typeof prechatFormSchema>;
