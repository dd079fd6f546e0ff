import type { VariableDefinition } from '../../../flowSettings';
import type { JsonValue } from '../../../json';
import type { Assignment } from '../setData';

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
