import { type FlowDocument, type FlowNode, nodeRegistry } from '@/bot-runtime/flow';
import type { EntityDefinition, IntentDefinition } from '@/bot-runtime/flow/nluDefinition';

/**
 * Every change the intents page makes to a flow, as pure functions from one document to the
 * next, so they share the canvas's undo stack and draft save.
 */

export function addIntent(flow: FlowDocument, name: string): FlowDocument {
  return withIntents(flow, [...flow.nlu.intents, { name, description: '', phrases: [] }]);
}

/**
 * Renames everywhere the flow uses the intent: global intents, the nodes whose type names
 * intents (through the node registry) and the outputs those nodes leave by.
 */
export function renameIntent(flow: FlowDocument, from: string, to: string): FlowDocument {
  const listening = new Set<string>();
  const nodes = flow.nodes.map((node) => {
    const renamed = renamedData(node, from, to);
    if (renamed === null) return node;
    listening.add(node.id);
    return { ...node, data: renamed };
  });
  return {
    ...flow,
    nodes,
    edges: flow.edges.map((edge) =>
      listening.has(edge.sourceNodeId) && edge.sourceOutput === from
        ? { ...edge, sourceOutput: to }
        : edge,
    ),
    settings: {
      ...flow.settings,
      globalIntents: flow.settings.globalIntents.map((global) =>
        global.intent === from ? { ...global, intent: to } : global,
      ),
    },
    nlu: {
      ...flow.nlu,
      intents: flow.nlu.intents.map((intent) =>
        intent.name === from ? { ...intent, name: to } : intent,
      ),
    },
  };
}

/**
 * The node's data with the intent renamed, or null when it does not name it. The data is the
 * draft's as stored, unfinished parts included, so nothing else in it changes; a node whose
 * data does not have the shape its type renames is left alone.
 */
function renamedData(node: FlowNode, from: string, to: string): FlowNode['data'] | null {
  const rename = nodeRegistry.get(node.type)?.renameIntent;
  if (!rename) return null;
  try {
    const renamed = rename(node.data, from, to) as FlowNode['data'];
    return JSON.stringify(renamed) === JSON.stringify(node.data) ? null : renamed;
  } catch {
    return null;
  }
}

/** Removes the intent and its global shortcut; nodes still listening for it get a validation mark. */
export function removeIntent(flow: FlowDocument, name: string): FlowDocument {
  return {
    ...withIntents(
      flow,
      flow.nlu.intents.filter((intent) => intent.name !== name),
    ),
    settings: {
      ...flow.settings,
      globalIntents: flow.settings.globalIntents.filter((global) => global.intent !== name),
    },
  };
}

export function updateIntent(
  flow: FlowDocument,
  name: string,
  patch: Partial<Pick<IntentDefinition, 'description' | 'phrases'>>,
): FlowDocument {
  return withIntents(
    flow,
    flow.nlu.intents.map((intent) => (intent.name === name ? { ...intent, ...patch } : intent)),
  );
}

/**
 * Adds phrases (one per entry, trimmed) to an intent, creating it when missing; blank lines and
 * phrases the intent already has are skipped. Returns how many were added.
 */
export function addPhrases(
  flow: FlowDocument,
  name: string,
  phrases: readonly string[],
): { flow: FlowDocument; added: number } {
  const existing = flow.nlu.intents.find((intent) => intent.name === name);
  const base = existing ? flow : addIntent(flow, name);
  const known = new Set((existing?.phrases ?? []).map(phraseKey));
  const fresh: string[] = [];
  for (const raw of phrases) {
    const phrase = raw.trim();
    if (!phrase || known.has(phraseKey(phrase))) continue;
    known.add(phraseKey(phrase));
    fresh.push(phrase);
  }
  if (fresh.length === 0) return { flow, added: 0 };
  return {
    added: fresh.length,
    flow: updateIntent(base, name, { phrases: [...(existing?.phrases ?? []), ...fresh] }),
  };
}

/**
 * Replaces one phrase. An emptied phrase is removed, since a blank one cannot be trained on,
 * and so is one edited into a phrase the intent already has.
 */
export function editPhrase(
  flow: FlowDocument,
  name: string,
  index: number,
  text: string,
): FlowDocument {
  const intent = flow.nlu.intents.find((i) => i.name === name);
  if (!intent) return flow;
  const phrase = text.trim();
  const duplicate = intent.phrases.some(
    (p, i) => i !== index && phraseKey(p) === phraseKey(phrase),
  );
  const phrases =
    phrase && !duplicate
      ? intent.phrases.map((p, i) => (i === index ? phrase : p))
      : intent.phrases.filter((_, i) => i !== index);
  return updateIntent(flow, name, { phrases });
}

/** A global intent interrupts any question and jumps to `targetNodeId`; `null` makes it local. */
export function setGlobalIntent(
  flow: FlowDocument,
  intent: string,
  targetNodeId: string | null,
): FlowDocument {
  const others = flow.settings.globalIntents.filter((global) => global.intent !== intent);
  const position = flow.settings.globalIntents.findIndex((global) => global.intent === intent);
  const globalIntents =
    targetNodeId === null
      ? others
      : position >= 0
        ? flow.settings.globalIntents.map((global) =>
            global.intent === intent ? { intent, targetNodeId } : global,
          )
        : [...others, { intent, targetNodeId }];
  return { ...flow, settings: { ...flow.settings, globalIntents } };
}

export function addEntity(flow: FlowDocument, entity: EntityDefinition): FlowDocument {
  return withEntities(flow, [...flow.nlu.entities, entity]);
}

export function replaceEntity(
  flow: FlowDocument,
  name: string,
  entity: EntityDefinition,
): FlowDocument {
  return withEntities(
    flow,
    flow.nlu.entities.map((e) => (e.name === name ? entity : e)),
  );
}

export function removeEntity(flow: FlowDocument, name: string): FlowDocument {
  return withEntities(
    flow,
    flow.nlu.entities.filter((e) => e.name !== name),
  );
}

/** Two phrases that differ only in case or spacing teach the model the same thing. */
export function phraseKey(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ').toLowerCase();
}

function withIntents(flow: FlowDocument, intents: IntentDefinition[]): FlowDocument {
  return { ...flow, nlu: { ...flow.nlu, intents } };
}

function withEntities(flow: FlowDocument, entities: EntityDefinition[]): FlowDocument {
  return { ...flow, nlu: { ...flow.nlu, entities } };
}
