import fc from 'fast-check';
import { nodeRegistry } from '../bot-runtime/flow';
import { flowMutationArbitrary } from './flowMutationArbitrary';

/** A generated flow document and how it was made, for the summary and for failure reports. */
export interface GeneratedFlow {
  origin: string;
  /** As the server has it once it parsed the request. */
  document: unknown;
  /** The document as a file to import. */
  text: string;
}

/** Far deeper than JSON.stringify can write, but JSON.parse reads it: only a file can hold it. */
const TEXT_NESTING = 100_000;

const KNOWN_TYPES = nodeRegistry.list().map((type) => type.type);

/**
 * Mostly real flows with one to four mutations (most stay close enough to valid to reach the
 * validator's and the engine's checks), the real flows untouched, documents of known node types
 * with random settings, and fully random JSON.
 */
export function flowDocumentArbitrary(seeds: unknown[]): fc.Arbitrary<GeneratedFlow> {
  const seeded = fc.constantFrom(...seeds.keys());
  return fc.oneof(
    {
      weight: 12,
      arbitrary: fc
        .tuple(seeded, fc.array(flowMutationArbitrary(), { minLength: 1, maxLength: 4 }))
        .map(([seed, mutations]) => {
          const document = structuredClone(seeds[seed]) as Record<string, unknown>;
          for (const mutation of mutations) mutation.apply(document);
          return withText(mutations.map((m) => m.name).join(' + '), document);
        }),
    },
    {
      weight: 1,
      arbitrary: seeded.map((seed) => withText('real flow', structuredClone(seeds[seed]))),
    },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.record({
            id: fc.constantFrom('start', 'a', 'b', 'c'),
            type: fc.constantFrom(...KNOWN_TYPES),
            data: fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 })),
          }),
          { maxLength: 5 },
        )
        .map((nodes) => withText('random nodes', { schemaVersion: 1, name: 'Random', nodes })),
    },
    {
      weight: 2,
      arbitrary: fc.jsonValue().map((document) => withText('random JSON', document)),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(seeded, fc.constantFrom('"data":{', '"variables":[', '"layout":{', '"nlu":{'))
        .map(([seed, opening]) => {
          const deep = `${'['.repeat(TEXT_NESTING)}${']'.repeat(TEXT_NESTING)}`;
          const value = opening.endsWith('[')
            ? `{"name":"deep","type":"list","default":${deep}}`
            : `"deep":${deep}`;
          const whole = JSON.stringify(seeds[seed]);
          const at = whole.indexOf(opening) + opening.length;
          const separator = whole[at] === '}' || whole[at] === ']' ? '' : ',';
          const text = `${whole.slice(0, at)}${value}${separator}${whole.slice(at)}`;
          return {
            origin: `nesting ${TEXT_NESTING} deep after ${opening}`,
            document: JSON.parse(text),
            text,
          };
        }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(seeded, fc.nat()).map(([seed, cut]) => {
        const whole = JSON.stringify(seeds[seed]);
        return {
          origin: 'truncated file',
          document: structuredClone(seeds[seed]),
          text: whole.slice(0, cut % whole.length) || '{',
        };
      }),
    },
  );
}

function withText(origin: string, document: unknown): GeneratedFlow {
  return { origin, document, text: JSON.stringify(document) ?? 'null' };
}
