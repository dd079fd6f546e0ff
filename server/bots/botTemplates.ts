import { readBotExport } from '../../bot-runtime/botTests/readBotExport';
import type { TestCase } from '../../bot-runtime/botTests/testCase';
import customerSupport from '../../bot-runtime/templates/customer-support.json';

/** What a new bot can start from. */
export const BOT_TEMPLATES = ['blank', 'customerSupport'] as const;
export type BotTemplate = (typeof BOT_TEMPLATES)[number];

/**
 * The raw flow document a new bot starts with (`loadFlow` fills the defaults) and the test
 * cases that come with it.
 */
export function templateDocument(
  template: BotTemplate,
  name: string,
): { document: unknown; testCases: TestCase[] } {
  if (template === 'customerSupport') {
    const { testCases: _suite, ...document } = customerSupport;
    return { document: { ...document, name }, testCases: customerSupportTestCases() };
  }
  const document = {
    schemaVersion: 1,
    name,
    nodes: [{ id: 'start', type: 'start', label: 'Start', data: {} }],
    edges: [],
    layout: { nodes: { start: { x: 0, y: 0 } }, notes: [] },
  };
  return { document, testCases: [] };
}

/** The demo bot's test cases, as its template ships them. */
export function customerSupportTestCases(): TestCase[] {
  const read = readBotExport(customerSupport);
  if (!read.ok)
    throw new Error(`The customer support template does not load: ${read.error.message}`);
  return read.testCases;
}
