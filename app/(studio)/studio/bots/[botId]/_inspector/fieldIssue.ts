/** The parts of a zod issue the inspector words for a designer. */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/**
 * Says which part of a field a refused change is about (`Cards, item 1, title`) and what it
 * needs, instead of zod's wording of the schema; messages a schema writes itself are kept.
 */
export function fieldIssueMessage(issue: SchemaIssue, fieldPath: string, fieldLabel: string) {
  const inside = issue.path.slice(fieldPath.split('.').length);
  const where = [
    fieldLabel,
    ...inside.map((key) => (typeof key === 'number' ? `item ${key + 1}` : String(key))),
  ].join(', ');
  return `${where}: ${requirement(issue)}`;
}

function requirement(issue: SchemaIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1) {
    return 'can’t be empty.';
  }
  if (issue.code === 'too_small' && issue.origin === 'array') {
    return `needs at least ${issue.minimum}.`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') {
    return `must be at least ${issue.minimum}.`;
  }
  if (issue.code === 'too_big' && issue.origin === 'number') {
    return `must be at most ${issue.maximum}.`;
  }
  return issue.message;
}
