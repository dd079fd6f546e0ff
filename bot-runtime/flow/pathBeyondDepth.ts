/**
 * Where a JSON value nests deeper than `maxDepth` objects and arrays: the path to the first
 * container past the limit, or null when it stays within. Walks with its own stack, so a value
 * of any depth is measured without overflowing the call stack.
 */
export function pathBeyondDepth(value: unknown, maxDepth: number): (string | number)[] | null {
  interface Place {
    value: unknown;
    depth: number;
    key: string | number;
    parent: Place | null;
  }
  const pending: Place[] = [{ value, depth: 0, key: '', parent: null }];
  for (let place = pending.pop(); place; place = pending.pop()) {
    if (typeof place.value !== 'object' || place.value === null) continue;
    const depth = place.depth + 1;
    if (depth > maxDepth) return pathTo(place);
    const entries = Array.isArray(place.value)
      ? place.value.map((item, index) => [index, item] as const)
      : Object.entries(place.value);
    for (const [key, item] of entries) pending.push({ value: item, depth, key, parent: place });
  }
  return null;

  function pathTo(place: Place): (string | number)[] {
    const path: (string | number)[] = [];
    for (let at: Place | null = place; at?.parent; at = at.parent) path.unshift(at.key);
    return path;
  }
}
