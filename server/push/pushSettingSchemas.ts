import { z } from 'zod';
import { PUSH_DELIVERY_STATUSES } from '../db/schema';

/** Payloads of the push settings API; the admin page imports these too. */

const clockTime = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use a 24-hour time such as 22:00');

export const quietHoursSchema = z
  .object({ start: clockTime, end: clockTime })
  .refine((hours) => hours.start !== hours.end, {
    message: 'quiet hours need different start and end times',
    path: ['end'],
  });

/** The push service writes to this contact when a deployment's notifications misbehave. */
export const vapidSubjectSchema = z
  .string()
  .trim()
  .max(200)
  .refine(
    (value) =>
      /^mailto:[^@\s]+@[^@\s]+$/.test(value) ||
      (URL.canParse(value) && new URL(value).protocol === 'https:'),
    'use mailto:someone@example.com or an https:// address',
  );

export const pushSettingsInput = z.object({ deploymentId: z.string() });

export const updatePushSettingsInput = z.object({
  deploymentId: z.string(),
  enabled: z.boolean(),
  /** False: notifications say only "You have a new reply". */
  showText: z.boolean(),
  title: z.string().trim().max(100).nullable(),
  quietHours: quietHoursSchema.nullable(),
  /** Null: the installation's public URL. */
  vapidSubject: vapidSubjectSchema.nullable(),
});

const PEM_MAX = 10_000;

export const setApnsCredentialsInput = z.object({
  deploymentId: z.string(),
  teamId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{10}$/, 'the Team ID is 10 letters and digits, as Apple shows it'),
  keyId: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{10}$/, 'the Key ID is 10 letters and digits, as Apple shows it'),
  /** The .p8 file's text. */
  privateKeyPem: z.string().trim().min(1, 'paste the .p8 key').max(PEM_MAX),
});

export const setFcmCredentialsInput = z.object({
  deploymentId: z.string(),
  /** The service account's JSON key file, as Firebase downloads it. */
  serviceAccountJson: z
    .string()
    .trim()
    .min(1, 'paste the service account JSON')
    .max(PEM_MAX + 5_000),
});

export const clearPushCredentialsInput = z.object({ deploymentId: z.string() });

export const pushDeliveriesInput = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
  status: z.enum(PUSH_DELIVERY_STATUSES).optional(),
  /** A conversation's id, to see what it was sent. */
  sessionId: z.string().trim().max(100).optional(),
});
