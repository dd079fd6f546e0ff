import { describe, expect, it } from 'vitest';
import { checkExpectation } from './checkExpectation';
import { type ExpectationInput, expectationSchema } from './testCase';
import type { TurnObservation } from './turnObservation';

const orderTurn: TurnObservation = {
  messages: ['Order A1001 is shipped.', 'Is there anything else I can help you with?'],
  intent: 'orderStatus',
  visited: ['menu', 'lookupOrder', 'orderAnswer', 'anythingElse'],
  variables: { orderNumber: 'A1001', faqFound: false, cart: { items: [1, 2], total: 3 } },
  status: 'awaiting_input',
  handoffQueue: null,
  tookNoAgent: false,
};

const labels: Record<string, string> = { lookupOrder: 'Look up the order', menu: 'Main menu' };
const labelOf = (nodeId: string) => `"${labels[nodeId] ?? nodeId}"`;

function check(expectation: ExpectationInput, turn: TurnObservation = orderTurn) {
  return checkExpectation(expectationSchema.parse(expectation), turn, labelOf);
}

describe('what a bot message expectation accepts', () => {
  it('exact: the whole of one message, nothing more', () => {
    expect(check({ kind: 'botSays', match: 'exact', text: 'Order A1001 is shipped.' }).passed).toBe(
      true,
    );
    const partial = check({ kind: 'botSays', match: 'exact', text: 'Order A1001 is shipped' });
    expect(partial).toEqual({
      passed: false,
      expected: 'bot says exactly "Order A1001 is shipped"',
      actual: 'bot said "Order A1001 is shipped.", "Is there anything else I can help you with?"',
    });
  });

  it('contains: a part of any message', () => {
    expect(check({ kind: 'botSays', match: 'contains', text: 'anything else' }).passed).toBe(true);
    expect(check({ kind: 'botSays', match: 'contains', text: 'delivered' }).passed).toBe(false);
  });

  it('ignores case only when asked to', () => {
    const shouted = { kind: 'botSays', match: 'contains', text: 'IS SHIPPED' } as const;
    expect(check(shouted).passed).toBe(false);
    expect(check({ ...shouted, ignoreCase: true }).passed).toBe(true);
    expect(
      check({ kind: 'botSays', match: 'exact', text: 'order a1001 is shipped.', ignoreCase: true })
        .passed,
    ).toBe(true);
  });

  it('matches: an RE2 pattern found anywhere in a message', () => {
    expect(
      check({
        kind: 'botSays',
        match: 'matches',
        text: 'Order [A-Z]\\d{4} is (shipped|processing)',
      }).passed,
    ).toBe(true);
    expect(check({ kind: 'botSays', match: 'matches', text: '^Is there' }).passed).toBe(true);
    expect(check({ kind: 'botSays', match: 'matches', text: 'A\\d{5}' }).passed).toBe(false);
  });

  it('matches: a pattern RE2 cannot run in linear time matches nothing instead of hanging', () => {
    const turn = { ...orderTurn, messages: ['a'.repeat(5_000)] };
    expect(check({ kind: 'botSays', match: 'matches', text: '(a+)+b' }, turn).passed).toBe(false);
    expect(check({ kind: 'botSays', match: 'matches', text: '(a)\\1' }, turn).passed).toBe(false);
  });

  it('says "no message" when the bot said nothing', () => {
    const silent = { ...orderTurn, messages: [] };
    expect(check({ kind: 'botSays', match: 'contains', text: 'Order' }, silent).actual).toBe(
      'bot said no message',
    );
  });
});

describe('the other expectations', () => {
  it('intent is: the reading of the message, null being "not understood"', () => {
    expect(check({ kind: 'intent', intent: 'orderStatus' }).passed).toBe(true);
    expect(check({ kind: 'intent', intent: null })).toEqual({
      passed: false,
      expected: 'intent not understood',
      actual: 'intent orderStatus',
    });
    expect(check({ kind: 'intent', intent: null }, { ...orderTurn, intent: null }).passed).toBe(
      true,
    );
  });

  it('node visited: names the path taken when it was not', () => {
    expect(check({ kind: 'visited', nodeId: 'lookupOrder' }).passed).toBe(true);
    expect(check({ kind: 'visited', nodeId: 'faqSearch' })).toEqual({
      passed: false,
      expected: 'goes through "faqSearch"',
      actual: 'went through "Main menu" → "Look up the order" → "orderAnswer" → "anythingElse"',
    });
  });

  it('variable equals: the same JSON, unset reading null', () => {
    expect(check({ kind: 'variable', variable: 'orderNumber', value: 'A1001' }).passed).toBe(true);
    expect(check({ kind: 'variable', variable: 'faqFound', value: false }).passed).toBe(true);
    expect(check({ kind: 'variable', variable: 'faqFound', value: 'false' }).passed).toBe(false);
    expect(
      check({ kind: 'variable', variable: 'cart', value: { total: 3, items: [1, 2] } }).passed,
    ).toBe(true);
    expect(
      check({ kind: 'variable', variable: 'cart', value: { total: 3, items: [2, 1] } }).passed,
    ).toBe(false);
    expect(check({ kind: 'variable', variable: 'email', value: null }).passed).toBe(true);
    expect(check({ kind: 'variable', variable: 'email', value: 'sam@example.com' }).actual).toBe(
      'email = null',
    );
  });

  it('ends with a status, and for a hand-off with its queue', () => {
    const handedOff = { ...orderTurn, status: 'escalated' as const, handoffQueue: 'Accounts' };
    expect(check({ kind: 'status', status: 'awaiting_input' }).passed).toBe(true);
    expect(check({ kind: 'status', status: 'escalated' }, handedOff).passed).toBe(true);
    expect(
      check({ kind: 'status', status: 'escalated', queue: 'Accounts' }, handedOff).passed,
    ).toBe(true);
    expect(check({ kind: 'status', status: 'escalated', queue: 'Orders' }, handedOff)).toEqual({
      passed: false,
      expected: 'ends escalated to Orders',
      actual: 'ends escalated to Accounts',
    });
    expect(check({ kind: 'status', status: 'ended' })).toMatchObject({
      passed: false,
      actual: 'waits for the customer',
    });
  });

  it('ends with "No agent available" taken', () => {
    expect(check({ kind: 'noAgent' })).toEqual({
      passed: false,
      expected: 'takes "No agent available"',
      actual: 'did not take "No agent available"',
    });
    expect(check({ kind: 'noAgent' }, { ...orderTurn, tookNoAgent: true }).passed).toBe(true);
  });
});
