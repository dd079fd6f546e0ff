import { z } from 'zod';
import { isOperatorOnlyRange } from '../../bot-runtime/actions/http/checkOutboundUrl';
import { classifyAddress } from '../../bot-runtime/actions/http/classifyAddress';
import { normaliseHost } from '../../bot-runtime/actions/http/isHostAllowListed';
import { prechatFieldSchema } from '../../contract/prechat';
import { CHANNELS, IDENTITY_ALGORITHMS, IDENTITY_MODES } from '../db/enums';
import { secretNameSchema } from './deploymentSecretSchemas';

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

/** An http(s) URL a built-in action calls, or '' for none; the order number is appended as a path. */
const endpointUrlSchema = z.union([
  z.literal(''),
  z
    .string()
    .trim()
    .max(2048)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (
          /^https?:$/.test(url.protocol) &&
          !url.username &&
          !url.password &&
          !url.search &&
          !url.hash
        );
      } catch {
        return false;
      }
    }, 'an http or https URL without a user name, password or query, like https://shop.example.com/orders'),
]);

const HOST_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.?$/i;
/** At least two labels after the star: `*.corp.example`, never `*.com`. */
const WILDCARD = /^\*\.[a-z0-9-]+(\.[a-z0-9-]+)+\.?$/i;

export const allowedHostSchema = z
  .string()
  .trim()
  .max(253)
  .refine(
    (entry) =>
      WILDCARD.test(entry) ||
      HOST_NAME.test(entry) ||
      classifyAddress(normaliseHost(entry)) !== null,
    'a host name like orders.internal or *.corp.example, or an IP address',
  )
  .refine((entry) => {
    const literal = classifyAddress(normaliseHost(entry));
    return !literal || literal.public || !isOperatorOnlyRange(literal.range);
  }, 'addresses of this machine, link-local and cloud metadata addresses cannot be allow-listed');

/** Where the built-in self-service actions send their requests, per deployment. */
export const actionEndpointsSchema = z.object({
  orderStatusUrl: endpointUrlSchema,
  passwordResetUrl: endpointUrlSchema,
  /** A deployment secret's name, sent as a bearer token to both URLs; '' for none. */
  endpointTokenSecret: z.union([z.literal(''), secretNameSchema]),
  /** Hosts bot actions may reach although they resolve to private network addresses. */
  outboundAllowList: z.array(allowedHostSchema).max(50),
});
export type ActionEndpoints = z.infer<typeof actionEndpointsSchema>;

export const updateActionEndpointsInput = actionEndpointsSchema.extend({ id: z.string() });

export const knowledgeArticleSchema = z.object({
  /** Absent for a new article: the server gives it one. */
  id: z.string().trim().min(1).max(64).optional(),
  question: z.string().trim().min(1, 'enter the question').max(300),
  answer: z.string().trim().min(1, 'enter the answer').max(4000),
});

/** The articles the bot's FAQ search answers from; at most 200, a small help center. */
export const updateKnowledgeBaseInput = z.object({
  id: z.string(),
  articles: z.array(knowledgeArticleSchema).max(200),
});
