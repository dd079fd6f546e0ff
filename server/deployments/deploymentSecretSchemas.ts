import { z } from 'zod';

/** Payloads of the deployment secrets API; the admin page imports these too. */

/** Identifier-like, so a name reads the same in a flow's header reference and on this page. */
export const SECRET_NAME_PATTERN = '[A-Za-z_][A-Za-z0-9_]{0,63}';

export const secretNameSchema = z
  .string()
  .trim()
  .regex(
    new RegExp(`^${SECRET_NAME_PATTERN}$`),
    'use up to 64 letters, digits and _, not starting with a digit',
  );

export const secretValueSchema = z
  .string()
  .min(1, 'enter a value')
  .max(4096, 'a secret value is at most 4096 characters')
  // Secrets are sent as HTTP header values, where a line break would be refused or misused.
  .refine((value) => !/[\r\n\0]/.test(value), 'a secret value cannot contain line breaks');

export const deploymentSecretsInput = z.object({ id: z.string() });

export const setDeploymentSecretInput = z.object({
  id: z.string(),
  name: secretNameSchema,
  value: secretValueSchema,
});

export const deleteDeploymentSecretInput = z.object({
  id: z.string(),
  name: secretNameSchema,
});
