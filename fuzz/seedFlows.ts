import { buildFlow } from '../bot-runtime/engine/testing/buildFlow';
import customerSupport from '../bot-runtime/templates/customer-support.json';

/**
 * Real flows to mutate: the demo bot's template, and small flows that use every node type, a
 * condition with a pattern, an action, global intents and the fallback settings, so mutations
 * start from documents the validator accepts and land next to the checks that matter.
 */
export function seedFlows(): unknown[] {
  const questions = buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'menu', type: 'intent', data: { intents: [{ intent: 'billing' }] } },
      {
        id: 'email',
        type: 'ask',
        data: { prompt: 'Your email?', variable: 'email', answerType: 'email' },
      },
      {
        id: 'code',
        type: 'ask',
        data: { prompt: 'Your code?', variable: 'code', answerType: 'regex', pattern: '[A-Z]\\d+' },
      },
      {
        id: 'check',
        type: 'condition',
        data: { rules: [{ variable: 'code', operator: 'matches', value: '^A' }] },
      },
      { id: 'done', type: 'end', data: { message: 'We sent the invoice to {{email}}.' } },
      { id: 'offer', type: 'message', data: { text: 'Shall I get you a human?' } },
      { id: 'human', type: 'escalate', data: { queue: 'Support', handoffMessage: '' } },
      { id: 'again', type: 'jump', data: { targetNodeId: 'menu' } },
    ],
    edges: [
      ['start', 'next', 'menu'],
      ['menu', 'billing', 'email'],
      ['email', 'next', 'code'],
      ['email', 'invalid', 'human'],
      ['code', 'next', 'check'],
      ['code', 'invalid', 'again'],
      ['check', 'true', 'done'],
      ['check', 'false', 'again'],
      ['offer', 'next', 'human'],
      ['human', 'noAgent', 'done'],
    ],
    nlu: {
      intents: [
        { name: 'human', description: '', phrases: ['agent please'] },
        { name: 'billing', description: '', phrases: ['my invoice'] },
      ],
    },
    settings: {
      globalIntents: [{ intent: 'human', targetNodeId: 'human' }],
      fallback: { offerHumanAfter: 2, offerHumanNodeId: 'offer', offerHumanAfterTurns: 4 },
    },
  });
  const choices = buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'name', type: 'ask', data: { prompt: 'Your name?', variable: 'name' } },
      {
        id: 'pick',
        type: 'ask',
        data: {
          prompt: 'Tea or coffee, {{name}}?',
          variable: 'drink',
          answerType: 'choice',
          options: [
            { label: 'Tea', value: 'tea' },
            { label: 'Coffee', value: 'coffee' },
          ],
          noInputAfterMinutes: 5,
        },
      },
      {
        id: 'count',
        type: 'set',
        data: { assignments: [{ variable: 'cups', from: 'value', value: 2 }] },
      },
      {
        id: 'order',
        type: 'action',
        data: {
          action: 'orderStatus',
          inputs: [{ name: 'orderNumber', value: '{{name}}' }],
          results: [{ path: 'status', variable: 'status' }],
        },
      },
      { id: 'thanks', type: 'message', data: { text: 'One {{drink}} for {{name}}.' } },
      { id: 'bye', type: 'end', data: { message: 'Bye.' } },
    ],
    edges: [
      ['start', 'next', 'name'],
      ['name', 'next', 'pick'],
      ['name', 'invalid', 'bye'],
      ['pick', 'next', 'count'],
      ['pick', 'invalid', 'bye'],
      ['pick', 'noInput', 'bye'],
      ['count', 'next', 'order'],
      ['order', 'success', 'thanks'],
      ['order', 'failure', 'bye'],
      ['thanks', 'next', 'bye'],
    ],
    settings: { variables: [{ name: 'cups', type: 'number', default: 1, description: '' }] },
  });
  const greeting = buildFlow({
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'hi', type: 'message', data: { text: 'Hi' } },
      { id: 'bye', type: 'end' },
    ],
    edges: [
      ['start', 'next', 'hi'],
      ['hi', 'next', 'bye'],
    ],
  });
  return [customerSupport, questions, choices, greeting].map((flow) => structuredClone(flow));
}
