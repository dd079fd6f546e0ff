import { z } from 'zod';

/** Names that appear inside `{{...}}` templates and rule paths: letters, digits, underscore. */
export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z_]\w*$/, 'Use letters, digits and underscores, starting with a letter.')
  // Assigning to `__proto__` on a plain object replaces its prototype: the value would vanish.
  .refine((name) => name !== '__proto__', '"__proto__" is reserved; choose another name.');
