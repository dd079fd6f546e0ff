import { z } from 'zod';

/** Names that appear inside `{{...}}` templates and rule paths: letters, digits, underscore. */
export const identifierSchema = z
  .string()
  .regex(/^[A-Za-z_]\w*$/, 'Use letters, digits and underscores, starting with a letter.');
