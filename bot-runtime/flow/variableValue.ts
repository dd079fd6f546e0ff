import type { VariableDefinition } from './flowSettings';
import type { JsonValue } from './json';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO date (or date and time) whose day exists: `Date.parse` rolls 2025-02-30 over to March. */
function isCalendarDate(text: string): boolean {
  const parts = ISO_DATE.exec(text);
  if (!parts || Number.isNaN(Date.parse(text))) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether a value is of a declared variable type; `null` (no value yet) fits every type. */
export function fitsVariableType(value: JsonValue, type: VariableDefinition['type']): boolean {
  if (value === null) return true;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value);
    case 'list':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && !Array.isArray(value);
  }
}
