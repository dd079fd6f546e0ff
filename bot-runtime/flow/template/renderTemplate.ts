import type { JsonValue } from '../json';
import { readVariable } from './readVariable';
import { TEMPLATE_PLACEHOLDER } from './templatePlaceholder';

/**
 * Fills `{{variable}}` and `{{variable.path}}` placeholders. Unset variables render as an
 * empty string so a customer never sees raw braces.
 */
export function renderTemplate(template: string, variables: Record<string, JsonValue>): string {
  return template.replace(TEMPLATE_PLACEHOLDER, (_match, path: string) =>
    formatValue(readVariable(variables, path)),
  );
}

function formatValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
