import { testPattern } from '../../patterns/safeRegex';
import type { JsonValue } from '../json';
import { readVariable } from '../template/readVariable';
import { renderTemplate } from '../template/renderTemplate';
import type { Condition, ConditionRule } from './conditionSchema';

export interface RuleResult {
  variable: string;
  operator: ConditionRule['operator'];
  expected: string;
  actual: JsonValue | null;
  passed: boolean;
  error?: { code: 'INVALID_PATTERN' | 'TEXT_TOO_LONG'; message: string };
}

export interface ConditionResult {
  passed: boolean;
  match: Condition['match'];
  results: RuleResult[];
}

/**
 * A small, closed evaluator: each operator is a plain function over JSON values, so a designer's
 * rule can never run code. Every rule is evaluated (no short-circuit) so the trace shows them all.
 */
export function evaluateCondition(
  condition: Condition,
  variables: Record<string, JsonValue>,
): ConditionResult {
  const results = condition.rules.map((rule) => evaluateRule(rule, variables));
  const passed =
    condition.match === 'all' ? results.every((r) => r.passed) : results.some((r) => r.passed);
  return { passed, match: condition.match, results };
}

function evaluateRule(rule: ConditionRule, variables: Record<string, JsonValue>): RuleResult {
  const actual = readVariable(variables, rule.variable) ?? null;
  const expected = renderTemplate(rule.value, variables);
  const base = { variable: rule.variable, operator: rule.operator, expected, actual };
  if (rule.operator === 'matches') {
    return { ...base, ...matchesPattern(rule.variable, actual, expected) };
  }
  return { ...base, passed: operators[rule.operator](actual, expected) };
}

type Operator = (actual: JsonValue | null, expected: string) => boolean;

const operators: Record<Exclude<ConditionRule['operator'], 'matches'>, Operator> = {
  equals: (actual, expected) => isEqual(actual, expected),
  notEquals: (actual, expected) => !isEqual(actual, expected),
  contains: (actual, expected) => {
    if (Array.isArray(actual)) return actual.some((item) => isEqual(item, expected));
    return asText(actual).toLowerCase().includes(expected.trim().toLowerCase());
  },
  greater: (actual, expected) => compareNumbers(actual, expected, (a, b) => a > b),
  less: (actual, expected) => compareNumbers(actual, expected, (a, b) => a < b),
  isSet: (actual) => isSet(actual),
  isNotSet: (actual) => !isSet(actual),
};

/**
 * Case-insensitive, anywhere in the text. The pattern may come from a variable a customer
 * filled, so it runs on the linear-time engine; one that cannot run fails the rule.
 */
function matchesPattern(
  variable: string,
  actual: JsonValue | null,
  pattern: string,
): Pick<RuleResult, 'passed' | 'error'> {
  const { matched, error } = testPattern(pattern, asText(actual), { ignoreCase: true });
  if (!error) return { passed: matched };
  const message =
    error.code === 'INVALID_PATTERN'
      ? `"${pattern}" cannot be used as a pattern: ${error.message}.`
      : `"${variable}" is not matched: ${error.message}.`;
  return { passed: false, error: { code: error.code, message } };
}

function isEqual(actual: JsonValue | null, expected: string): boolean {
  const expectedNumber = toNumber(expected);
  if (typeof actual === 'number' && expectedNumber !== null) return actual === expectedNumber;
  return asText(actual).trim().toLowerCase() === expected.trim().toLowerCase();
}

function compareNumbers(
  actual: JsonValue | null,
  expected: string,
  compare: (a: number, b: number) => boolean,
): boolean {
  const left = typeof actual === 'number' ? actual : toNumber(asText(actual));
  const right = toNumber(expected);
  return left !== null && right !== null && compare(left, right);
}

function toNumber(text: string): number | null {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function isSet(value: JsonValue | null): boolean {
  if (value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

function asText(value: JsonValue | null): string {
  if (value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
