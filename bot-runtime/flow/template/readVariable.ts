import type { JsonValue } from '../json';

/** Reads `name` or `name.path.0` from the variables; `undefined` when any step is missing. */
export function readVariable(
  variables: Record<string, JsonValue>,
  path: string,
): JsonValue | undefined {
  const [name = '', ...rest] = path.split('.');
  let current: JsonValue | undefined = Object.hasOwn(variables, name) ? variables[name] : undefined;
  for (const key of rest) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Object.hasOwn(current, key) ? (current as Record<string, JsonValue>)[key] : undefined;
  }
  return current;
}
