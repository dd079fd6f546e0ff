const IDENTIFIER = /^[A-Za-z_]\w*$/;

/**
 * The next result to keep: the first output field not mapped yet, into a variable of the same
 * name (a name the schema accepts even when the field's is not one).
 */
export function nextResultMapping(
  results: readonly { path: string; variable: string }[],
  outputFields: readonly { name: string }[],
): { path: string; variable: string } | null {
  const mapped = new Set(results.map((result) => result.path));
  const field = outputFields.find((f) => !mapped.has(f.name)) ?? outputFields[0];
  if (!field) return null;
  return { path: field.name, variable: IDENTIFIER.test(field.name) ? field.name : 'result' };
}
