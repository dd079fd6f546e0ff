'use client';

import { TRPCClientError } from '@trpc/client';
import { useState } from 'react';
import type { z } from 'zod';

/**
 * Errors shown beside the fields they are about, keyed by the schema's dotted path
 * (`businessHours.weekly.1.close`). A form checks its draft against the same schema the server
 * applies before sending it, and a refusal the server ties to a field lands there too.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    errors,
    /** The parsed value, or null after showing every issue beside its field. */
    check<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | null {
      const result = schema.safeParse(value);
      if (result.success) {
        setErrors({});
        return result.data;
      }
      const byField: Record<string, string> = {};
      for (const issue of result.error.issues) byField[issue.path.join('.')] ??= issue.message;
      setErrors(byField);
      return null;
    },
    /** Puts a server refusal that names a field beside that field. */
    fromServer(error: unknown) {
      if (!(error instanceof TRPCClientError)) return;
      const field = (error.data?.domainDetails as { field?: unknown } | null)?.field;
      if (typeof field === 'string') setErrors({ [field]: error.message });
    },
    clear: () => setErrors({}),
    /** Props tying an input to its error, for screen readers and the red border. */
    ariaFor(path: string) {
      return errors[path]
        ? { 'aria-invalid': true as const, 'aria-describedby': fieldErrorId(path) }
        : {};
    },
  };
}

export type FieldErrors = ReturnType<typeof useFieldErrors>;

const fieldErrorId = (path: string) => `field-error-${path.replace(/\W/g, '-')}`;

/** The error for `path`, if any, under its field. */
export function FieldError({ errors, path }: { errors: FieldErrors; path: string }) {
  const message = errors.errors[path];
  if (!message) return null;
  return (
    <span className="field-error" id={fieldErrorId(path)}>
      {message}
    </span>
  );
}
