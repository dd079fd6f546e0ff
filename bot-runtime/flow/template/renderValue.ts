import type { JsonValue } from '../json';
import { readVariable } from './readVariable';
import { renderTemplate } from './renderTemplate';

const SINGLE_PLACEHOLDER = /^\{\{\s*([A-Za-z_][\w]*(?:\.[\w]+)*)\s*\}\}$/;

/**
 * Like `renderTemplate`, but a template that is exactly one placeholder keeps the variable's
 * own type, so an action receives the number or object itself rather than its text.
 */
export function renderValue(template: string, variables: Record<string, JsonValue>): JsonValue {
  const single = SINGLE_PLACEHOLDER.exec(template.trim());
  if (single?.[1]) return readVariable(variables, single[1]) ?? null;
  return renderTemplate(template, variables);
}
