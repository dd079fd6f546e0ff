export type JsonPathSegment = string | number;

const segmentPattern =
  /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d{1,9})\]|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\])/;

/**
 * Parses the small JSON-path subset the studio offers for response mapping: an optional `$`
 * root, then `.name`, `[0]`, `['name with spaces']` steps, e.g. `$.order.status` or
 * `items[0].name`. Returns `null` for anything else; nothing here is ever evaluated.
 */
export function parseJsonPath(path: string): JsonPathSegment[] | null {
  const withoutRoot = path.trim().replace(/^\$(?=$|[.[])/, '');
  let rest = /^[A-Za-z_$]/.test(withoutRoot) ? `.${withoutRoot}` : withoutRoot;
  const segments: JsonPathSegment[] = [];
  while (rest.length > 0) {
    const match = segmentPattern.exec(rest);
    if (!match) return null;
    const [step, name, index, singleQuoted, doubleQuoted] = match;
    segments.push(
      index === undefined ? (name ?? singleQuoted ?? doubleQuoted ?? '') : Number(index),
    );
    rest = rest.slice(step.length);
  }
  return segments;
}

/** Reads a parsed path from a JSON value; own properties and array indexes only. */
export function readJsonPath(document: unknown, segments: readonly JsonPathSegment[]): unknown {
  let current = document;
  for (const segment of segments) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return undefined;
      current = current[segment];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current)) {
        return undefined;
      }
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}
