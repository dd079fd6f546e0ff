import { z } from 'zod';
import { CHANNELS, IDENTITY_ALGORITHMS, IDENTITY_MODES } from '../db/enums';
import { prechatFieldSchema } from '../http/contract/prechat';

/** Payloads of the deployment admin API; the admin pages import these types too. */

export const publicIdSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');

export const createDeploymentInput = z.object({
  name: z.string().trim().min(1).max(120),
  channel: z.enum(CHANNELS),
  publicId: publicIdSchema.optional(),
});

export const originSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '');
    } catch {
      return false;
    }
  }, 'an origin is a scheme, host and optional port, like https://shop.example.com');

export const updateAllowedOriginsInput = z.object({
  id: z.string(),
  allowedOrigins: z.array(originSchema).max(50),
});

export const updateIdentityInput = z.object({
  id: z.string(),
  mode: z.enum(IDENTITY_MODES),
  algorithm: z.enum(IDENTITY_ALGORITHMS).optional(),
  /** HS256 only: omitted keeps the stored secret, `generate` makes a new one shown once. */
  secret: z.union([z.literal('generate'), z.string().min(32).max(512)]).optional(),
  /** RS256/ES256: a PEM public key (SPKI). */
  publicKey: z.string().max(10_000).optional(),
  audience: z.string().trim().max(200).optional(),
});

export const updatePrechatFieldsInput = z.object({
  id: z.string(),
  fields: z
    .array(prechatFieldSchema)
    .max(10)
    .refine(
      (fields) => new Set(fields.map((field) => field.name)).size === fields.length,
      'each field needs its own name',
    ),
});
