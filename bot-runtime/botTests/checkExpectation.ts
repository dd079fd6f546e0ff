import type { JsonValue } from '../flow/json';
import { testPattern } from '../patterns/safeRegex';
import type { Expectation } from './testCase';
import type { TurnObservation } from './turnObservation';

export interface ExpectationCheck {
  passed: boolean;
  /** What the expectation asks for, in the words the studio and the command line show. */
  expected: string;
  /** What the turn did instead (or, when it passed, what it did). */
  actual: string;
}

/** Checks one expectation against what one turn did; `labelOf` names nodes for people. */
export function checkExpectation(
  expectation: Expectation,
  turn: TurnObservation,
  labelOf: (nodeId: string) => string,
): ExpectationCheck {
  switch (expectation.kind) {
    case 'botSays': {
      const passed = turn.messages.some((message) => saysText(expectation, message));
      const said = turn.messages.length === 0 ? 'no message' : turn.messages.map(quote).join(', ');
      const how = {
        exact: 'exactly',
        contains: 'a message containing',
        matches: 'a message matching',
      };
      const caseNote = expectation.ignoreCase ? ' (ignoring case)' : '';
      return {
        passed,
        expected: `bot says ${how[expectation.match]} ${quote(expectation.text)}${caseNote}`,
        actual: `bot said ${said}`,
      };
    }
    case 'intent':
      return {
        passed: turn.intent === expectation.intent,
        expected: `intent ${intentName(expectation.intent)}`,
        actual: `intent ${intentName(turn.intent)}`,
      };
    case 'visited': {
      const path = turn.visited.map(labelOf).join(' → ');
      return {
        passed: turn.visited.includes(expectation.nodeId),
        expected: `goes through ${labelOf(expectation.nodeId)}`,
        actual: path === '' ? 'went through no node' : `went through ${path}`,
      };
    }
    case 'variable': {
      const value = turn.variables[expectation.variable] ?? null;
      return {
        passed: sameJson(value, expectation.value),
        expected: `${expectation.variable} = ${JSON.stringify(expectation.value)}`,
        actual: `${expectation.variable} = ${JSON.stringify(value)}`,
      };
    }
    case 'status': {
      const queueMatches =
        expectation.queue === undefined || expectation.queue === turn.handoffQueue;
      return {
        passed: turn.status === expectation.status && queueMatches,
        expected: describeStatus(expectation.status, expectation.queue ?? null),
        actual: describeStatus(
          turn.status,
          expectation.queue === undefined ? null : turn.handoffQueue,
        ),
      };
    }
    case 'noAgent':
      return {
        passed: turn.tookNoAgent,
        expected: 'takes "No agent available"',
        actual: turn.tookNoAgent
          ? 'took "No agent available"'
          : 'did not take "No agent available"',
      };
  }
}

function saysText(expectation: Extract<Expectation, { kind: 'botSays' }>, message: string) {
  const { match, text, ignoreCase } = expectation;
  if (match === 'matches') return testPattern(text, message, { ignoreCase }).matched;
  const [wanted, said] = ignoreCase ? [text.toLowerCase(), message.toLowerCase()] : [text, message];
  return match === 'exact' ? said === wanted : said.includes(wanted);
}

function describeStatus(status: string, queue: string | null): string {
  if (status === 'escalated') return queue ? `ends escalated to ${queue}` : 'ends escalated';
  if (status === 'ended') return 'ends the conversation';
  return 'waits for the customer';
}

function intentName(intent: string | null): string {
  return intent === null ? 'not understood' : intent;
}

function quote(text: string): string {
  return JSON.stringify(text);
}

/** Equal as JSON: object keys in any order, arrays in order. */
function sameJson(a: JsonValue, b: JsonValue): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index] as JsonValue));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key in b && sameJson(a[key] as JsonValue, b[key] as JsonValue));
}
