import { z } from 'zod';

// The action node hands each input over as text rendered from a template (only a lone
// `{{variable}}` keeps its own type), so numbers, switches and structured inputs are read from
// text here; an empty text counts as "not given" and lets the schema's default apply.

export function numberFromText<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? textAs(value, Number) : value),
    schema,
  );
}

export function booleanFromText<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) =>
      typeof value === 'string'
        ? textAs(value, (text) => ({ true: true, false: false })[text] ?? text)
        : value,
    schema,
  );
}

export function jsonFromText<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' ? textAs(value, parseJsonOrKeep) : value),
    schema,
  );
}

function textAs(text: string, read: (trimmed: string) => unknown): unknown {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : read(trimmed);
}

function parseJsonOrKeep(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
