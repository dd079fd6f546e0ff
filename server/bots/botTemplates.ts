import customerSupport from '../../bot-runtime/templates/customer-support.json';

/** What a new bot can start from. */
export const BOT_TEMPLATES = ['blank', 'customerSupport'] as const;
export type BotTemplate = (typeof BOT_TEMPLATES)[number];

/** The raw flow document a new bot starts with; `loadFlow` fills the defaults. */
export function templateDocument(template: BotTemplate, name: string): unknown {
  if (template === 'customerSupport') return { ...customerSupport, name };
  return {
    schemaVersion: 1,
    name,
    nodes: [{ id: 'start', type: 'start', label: 'Start', data: {} }],
    edges: [],
    layout: { nodes: { start: { x: 0, y: 0 } }, notes: [] },
  };
}
