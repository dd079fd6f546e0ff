import type { JsonValue } from '../flow/json';
import { readVariable } from '../flow/template/readVariable';
import { TEMPLATE_PLACEHOLDER } from '../flow/template/templatePlaceholder';

/**
 * Like the flow's `renderTemplate`, but each value is escaped by `encode` for where it lands (a
 * URL), so a customer's text can never change the shape of what the designer wrote around it.
 */
export function renderTemplate(
  template: string,
  variables: Readonly<Record<string, JsonValue>>,
  encode: (value: string) => string = (value) => value,
): string {
  return template.replace(TEMPLATE_PLACEHOLDER, (_match, path: string) =>
    encode(formatValue(readVariable(variables, path))),
  );
}

function formatValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
