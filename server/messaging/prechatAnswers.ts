import { z } from 'zod';
import type { PrechatField } from '../../contract/prechat';

type Answer = string | number | boolean;

export type PrechatCheck =
  | { ok: true; answers: Record<string, Answer> }
  | { ok: false; field: string; message: string };

// The browser's own rule for <input type="email">, which the widget's form checks first: an
// address the form accepts must not be refused here.
const email = z.email({ pattern: z.regexes.html5Email });

/**
 * Checks a new conversation's pre-chat answers against the deployment's form. The widget asks
 * the same questions, but any app can call the API, so the server is where "required" holds.
 * Answers to declared fields are kept trimmed; other keys pass through untouched, as apps may
 * send more than the form asks.
 */
export function checkPrechatAnswers(
  fields: readonly PrechatField[],
  answers: Record<string, Answer>,
): PrechatCheck {
  const checked: Record<string, Answer> = { ...answers };
  for (const field of fields) {
    const raw = answers[field.name];
    if (raw !== undefined && typeof raw !== 'string') {
      return { ok: false, field: field.name, message: `"${field.label}" must be text.` };
    }
    const value = raw?.trim() ?? '';
    if (value === '') {
      if (field.required) {
        return { ok: false, field: field.name, message: `"${field.label}" is required.` };
      }
      delete checked[field.name];
      continue;
    }
    if (field.type === 'email' && !email.safeParse(value).success) {
      return {
        ok: false,
        field: field.name,
        message: `"${field.label}" must be an email address.`,
      };
    }
    checked[field.name] = value;
  }
  return { ok: true, answers: checked };
}
