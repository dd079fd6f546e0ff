import type { SchemaField } from '@/bot-runtime/actions';
import type { VariableDefinition } from '@/bot-runtime/flow/flowSettings';
import type { JsonValue } from '@/bot-runtime/flow/json';
import type { Assignment } from '@/bot-runtime/flow/nodes/set/setNode';

/** Rows of the inspector's list editors have no id of their own: their place is their identity. */
export function updateRow<Row>(rows: readonly Row[], index: number, patch: Partial<Row>): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

export function removeRow<Row>(rows: readonly Row[], index: number): Row[] {
  return rows.filter((_, i) => i !== index);
}

export function rowsOf<Row>(value: unknown): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}

type AssignmentSource = Assignment['from'];

/** The same variable, given a value the new way, starting from something the schema accepts. */
export function changeAssignmentSource(
  assignment: Assignment,
  from: AssignmentSource,
  firstVariable: string,
): Assignment {
  const { variable } = assignment;
  if (from === 'template') return { variable, from, template: '' };
  if (from === 'rule') {
    return {
      variable,
      from,
      rule: { match: 'all', rules: [{ variable: firstVariable, operator: 'isSet', value: '' }] },
    };
  }
  return { variable, from, value: '' };
}

/** A constant typed as text, kept as the type the variable is declared with. */
export function parseConstant(
  text: string,
  type: VariableDefinition['type'] | undefined,
): JsonValue {
  if (type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) {
    return Number(text);
  }
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  if (type === 'object' || type === 'list') {
    try {
      return JSON.parse(text) as JsonValue;
    } catch {
      return text;
    }
  }
  return text;
}

export function formatConstant(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const IDENTIFIER = /^[A-Za-z_]\w*$/;

/**
 * The next result to keep: the first output field not mapped yet, into a variable of the same
 * name (a name the schema accepts even when the field's is not one).
 */
export function nextResultMapping(
  results: readonly { path: string; variable: string }[],
  outputFields: readonly SchemaField[],
): { path: string; variable: string } | null {
  const mapped = new Set(results.map((result) => result.path));
  const field = outputFields.find((f) => !mapped.has(f.name)) ?? outputFields[0];
  if (!field) return null;
  return { path: field.name, variable: IDENTIFIER.test(field.name) ? field.name : 'result' };
}

/** Sets an optional text property, or leaves it out when emptied rather than keeping `""`. */
export function setOptional<Row extends object, Key extends keyof Row>(
  row: Row,
  key: Key,
  text: string,
): Row {
  const { [key]: _, ...rest } = row;
  return (text === '' ? rest : { ...rest, [key]: text }) as Row;
}
