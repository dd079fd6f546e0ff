import type { z } from 'zod';
import { DomainError } from '../errors';

/**
 * The input checked against its shared schema, or INVALID_INPUT naming the first field that is
 * wrong (`details.field`, a dotted path such as `businessHours.weekly.1.close`), so a caller that
 * skipped the tRPC edge (the seed, a script) is held to the same rules the admin pages are.
 */
export function validInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const field = issue?.path.join('.') ?? '';
  throw new DomainError('INVALID_INPUT', issue?.message ?? 'Invalid input.', { field });
}

/** A refusal of one field's value, for the admin page to show beside that field. */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError('INVALID_INPUT', message, { field });
}
