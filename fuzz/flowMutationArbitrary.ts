import fc from 'fast-check';
import { nodeRegistry } from '../bot-runtime/flow';

type JsonObject = Record<string, unknown>;

/** One change to a flow document; `name` is what the summary and failure reports show. */
export interface FlowMutation {
  name: string;
  apply(document: JsonObject): void;
}

/** Big enough to reach code that copies or scans strings, small enough for a 5 MB import. */
const HUGE_LENGTH = 200_000;
/**
 * Deeper than any hand-written flow, so recursive schemas and walkers meet real depth, yet within
 * what JSON.stringify can write (deeper documents are made as text by flowDocumentArbitrary).
 */
const NESTING = [50, 1_000, 3_000] as const;
const KNOWN_TYPES = nodeRegistry.list().map((type) => type.type);
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
/** Patterns the linear-time engine or the JavaScript parser refuses, or that backtrack badly. */
const BAD_PATTERNS = ['(', '[a-', '(a+)+$', '(?<=a)b', '(a)\\1', '\\', '*', '(?P<x>a)', 'a{99999}'];

const oddString = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS, '', ' ', 'missing', '{{nope}}', '{{__proto__}}'),
  fc.string({ maxLength: 12 }),
);

/** A mutation of a parsed document, or of the list inside it that it names. */
export function flowMutationArbitrary(): fc.Arbitrary<FlowMutation> {
  return fc.oneof(
    fc.nat().map((at) => mutation(`delete node`, (doc) => splice(nodesOf(doc), at))),
    fc
      .nat()
      .map((at) =>
        mutation('duplicate node', (doc) => duplicate(nodesOf(doc), at, (copy) => copy)),
      ),
    fc.nat().map((at) => mutation('delete edge', (doc) => splice(edgesOf(doc), at))),
    fc
      .nat()
      .map((at) =>
        mutation('duplicate edge', (doc) =>
          duplicate(edgesOf(doc), at, (copy) => ({ ...copy, id: `${String(copy.id)}-twin` })),
        ),
      ),
    fc
      .tuple(fc.nat(), fc.constantFrom('sourceNodeId', 'targetNodeId'), oddString)
      .map(([at, end, id]) =>
        mutation(`edge ${end} to a missing node`, (doc) => setAt(edgesOf(doc), at, end, id)),
      ),
    fc
      .tuple(fc.nat(), oddString)
      .map(([at, output]) =>
        mutation('edge from a missing output', (doc) =>
          setAt(edgesOf(doc), at, 'sourceOutput', output),
        ),
      ),
    fc
      .tuple(fc.nat(), fc.oneof(fc.constantFrom(...KNOWN_TYPES), oddString))
      .map(([at, type]) =>
        mutation('change node type', (doc) => setAt(nodesOf(doc), at, 'type', type)),
      ),
    fc
      .tuple(fc.nat(), fc.nat(), fc.jsonValue({ maxDepth: 3 }))
      .map(([at, field, value]) =>
        mutation('node data field of a wrong type', (doc) =>
          replaceField(dataOf(nodesOf(doc), at), field, value),
        ),
      ),
    fc
      .tuple(fc.nat(), fc.nat())
      .map(([at, field]) =>
        mutation('remove node data field', (doc) => removeField(dataOf(nodesOf(doc), at), field)),
      ),
    fc
      .tuple(fc.nat(), fc.nat())
      .map(([at, field]) =>
        mutation('huge string', (doc) =>
          replaceField(dataOf(nodesOf(doc), at), field, 'x'.repeat(HUGE_LENGTH)),
        ),
      ),
    fc.tuple(fc.constantFrom(...NESTING), fc.nat(), fc.nat()).map(([depth, at, field]) =>
      mutation(`nesting ${depth} deep`, (doc) => {
        const place = [dataOf(nodesOf(doc), at), doc.settings, doc.layout, doc.nlu];
        replaceField(place[at % place.length], field, nested(depth));
        const variables = (doc.settings as JsonObject | undefined)?.variables;
        if (Array.isArray(variables) && at % 2 === 0) {
          variables.push({ name: 'deep', type: 'list', default: nested(depth) });
        }
      }),
    ),
    fc
      .tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.nat(), fc.jsonValue({ maxDepth: 2 }))
      .map(([key, at, value]) =>
        mutation(`"${key}" key`, (doc) => {
          const place = [doc, dataOf(nodesOf(doc), at), doc.settings, doc.nlu, doc.layout];
          const target = place[at % place.length];
          if (isObject(target)) Object.defineProperty(target, key, ownValue(value));
        }),
      ),
    fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS), fc.nat()).map(([name, at]) =>
      mutation(`"${name}" as an id or a name`, (doc) => {
        const choice = at % 4;
        if (choice === 0) setAt(nodesOf(doc), at, 'id', name);
        if (choice === 1) addVariable(doc, name);
        if (choice === 2) intentsOf(doc).push({ name, phrases: [name, 'help me'] });
        if (choice === 3) replaceField(dataOf(nodesOf(doc), at), 0, name);
      }),
    ),
    fc
      .oneof(
        fc.constantFrom(0, 2, -1, 1.5, 1e308, '1', null, true),
        fc.integer({ min: -1e9, max: 1e9 }),
      )
      .map((version) =>
        mutation(`schemaVersion ${JSON.stringify(version)}`, (doc) => {
          doc.schemaVersion = version;
        }),
      ),
    fc
      .constantFrom('schemaVersion', 'nodes', 'edges', 'settings', 'nlu', 'layout', 'name')
      .map((key) =>
        mutation(`remove ${key}`, (doc) => {
          delete doc[key];
        }),
      ),
    fc.tuple(fc.nat(), fc.nat()).map(([at, field]) =>
      mutation('remove a setting', (doc) => {
        const settings = doc.settings;
        const fallback = isObject(settings) ? settings.fallback : undefined;
        removeField(at % 2 === 0 ? settings : fallback, field);
      }),
    ),
    fc
      .tuple(fc.nat(), fc.constantFrom(...BAD_PATTERNS), fc.constantFrom('', 'i', 'x', 'gy'))
      .map(([at, pattern, flags]) =>
        mutation('bad pattern', (doc) => {
          const nodes = nodesOf(doc);
          nodes.push({
            id: `pattern-${at}`,
            type: 'ask',
            data: { variable: 'code', answerType: 'regex', pattern },
          });
          entitiesOf(doc).push({ kind: 'regex', name: `code${at % 10}`, pattern, flags });
        }),
      ),
    fc.tuple(fc.nat(), oddString).map(([at, name]) =>
      mutation('unknown intent or variable', (doc) => {
        const intents = [{ intent: name }];
        const choice = at % 3;
        if (choice === 0) setAt(nodesOf(doc), at, 'data', { intents });
        if (choice === 1) globalIntentsOf(doc).push({ intent: name, targetNodeId: 'start' });
        if (choice === 2) {
          nodesOf(doc).push({ id: `say-${at}`, type: 'message', data: { text: `{{${name}}}` } });
        }
      }),
    ),
    fc.nat({ max: 4 }).map((length) =>
      mutation(`cycle of ${length + 1} jumps`, (doc) => {
        const ids = Array.from({ length: length + 1 }, (_, index) => `loop-${index}`);
        ids.forEach((id, index) => {
          const targetNodeId = ids[(index + 1) % ids.length];
          nodesOf(doc).push({ id, type: 'jump', data: { targetNodeId } });
        });
        // The start now leads into the loop; the rest of the flow stays, unreachable.
        const edges = edgesOf(doc);
        const notFromStart = edges.filter(
          (edge) => !isObject(edge) || edge.sourceNodeId !== 'start',
        );
        edges.splice(0, edges.length, ...notFromStart);
        edges.push({
          id: 'into-loop',
          sourceNodeId: 'start',
          sourceOutput: 'next',
          targetNodeId: ids[0],
        });
      }),
    ),
  );
}

function mutation(name: string, apply: (document: JsonObject) => void): FlowMutation {
  return { name, apply };
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list inside the document, created when a previous mutation removed it. */
function listAt(holder: unknown, key: string): unknown[] {
  if (!isObject(holder)) return [];
  if (!Array.isArray(holder[key])) holder[key] = [];
  return holder[key] as unknown[];
}

function objectAt(holder: JsonObject, key: string): JsonObject {
  if (!isObject(holder[key])) holder[key] = {};
  return holder[key] as JsonObject;
}

const nodesOf = (doc: JsonObject) => listAt(doc, 'nodes');
const edgesOf = (doc: JsonObject) => listAt(doc, 'edges');
const intentsOf = (doc: JsonObject) => listAt(objectAt(doc, 'nlu'), 'intents');
const entitiesOf = (doc: JsonObject) => listAt(objectAt(doc, 'nlu'), 'entities');
const globalIntentsOf = (doc: JsonObject) => listAt(objectAt(doc, 'settings'), 'globalIntents');

function addVariable(doc: JsonObject, name: string): void {
  listAt(objectAt(doc, 'settings'), 'variables').push({ name, type: 'string', default: 'x' });
}

function splice(list: unknown[], at: number): void {
  if (list.length > 0) list.splice(at % list.length, 1);
}

function duplicate(list: unknown[], at: number, twin: (copy: JsonObject) => JsonObject): void {
  const item = list[at % Math.max(list.length, 1)];
  if (isObject(item)) list.push(twin(structuredClone(item)));
}

function setAt(list: unknown[], at: number, key: string, value: unknown): void {
  const item = list[at % Math.max(list.length, 1)];
  if (isObject(item)) item[key] = value;
}

function dataOf(nodes: unknown[], at: number): JsonObject | undefined {
  const node = nodes[at % Math.max(nodes.length, 1)];
  return isObject(node) ? objectAt(node, 'data') : undefined;
}

/** The `field`-th existing key (a new one past the end), so known settings get the wrong values. */
function replaceField(target: unknown, field: number, value: unknown): void {
  if (!isObject(target)) return;
  const keys = Object.keys(target);
  const key = keys[field % (keys.length + 1)] ?? `extra${field}`;
  Object.defineProperty(target, key, ownValue(value));
}

function removeField(target: unknown, field: number): void {
  if (!isObject(target)) return;
  field %= Math.max(Object.keys(target).length, 1);
  const key = Object.keys(target)[field];
  if (key !== undefined) delete target[key];
}

/** As JSON.parse would have it: an own, enumerable property even for `__proto__`. */
function ownValue(value: unknown): PropertyDescriptor {
  return { value, enumerable: true, writable: true, configurable: true };
}

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 === 0 ? [value] : { v: value };
  return value;
}
