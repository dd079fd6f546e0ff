import type { JsonValue } from '../../flow/json';
import { ActionError } from '../actionError';
import { parseJsonPath, readJsonPath } from '../jsonPath';

/**
 * Reads each mapped JSON path out of a response body. A path that finds nothing gives `null`,
 * so a flow can test "is set" instead of keeping a stale value from an earlier turn.
 */
export function mapResponse(
  body: string,
  mapping: Readonly<Record<string, string>>,
): Record<string, JsonValue> {
  const entries = Object.entries(mapping);
  if (entries.length === 0) return {};
  let document: unknown;
  try {
    document = JSON.parse(body);
  } catch {
    throw new ActionError(
      'HTTP_INVALID_RESPONSE',
      'The response is not JSON, so it cannot be mapped.',
    );
  }
  return Object.fromEntries(
    entries.map(([variable, path]) => {
      const segments = parseJsonPath(path);
      const value = segments ? readJsonPath(document, segments) : undefined;
      return [variable, (value ?? null) as JsonValue];
    }),
  );
}
