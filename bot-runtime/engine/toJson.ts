import type { JsonValue } from '../flow/json';

/** Drops what JSON cannot hold (undefined, functions, class prototypes) so state stays plain. */
export function toJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
