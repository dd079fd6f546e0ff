import { describeSchemaFields, type SchemaField } from './describeSchemaFields';
import type { ActionDefinition } from './types';

/** What the studio needs to offer an action: its palette entry, input form and result fields. */
export interface ActionSummary {
  name: string;
  label: string;
  description: string;
  inputFields: SchemaField[];
  outputFields: SchemaField[];
}

export interface ActionRegistry {
  get(name: string): ActionDefinition | undefined;
  has(name: string): boolean;
  list(): ActionSummary[];
}

/**
 * An immutable registry built from a list of action definitions. Each action is declared once
 * in its own folder and listed once in `builtInActions.ts`, so the engine, the validator and
 * the studio look actions up by name instead of switching on strings.
 */
export function createActionRegistry(definitions: readonly ActionDefinition[]): ActionRegistry {
  const byName = new Map<string, ActionDefinition>();
  for (const definition of definitions) {
    if (byName.has(definition.name)) {
      throw new Error(`Two actions are named ${definition.name}.`);
    }
    byName.set(definition.name, definition);
  }
  const summaries = [...byName.values()].map(
    (definition): ActionSummary => ({
      name: definition.name,
      label: definition.label,
      description: definition.description,
      inputFields: describeSchemaFields(definition.input, 'input'),
      outputFields: describeSchemaFields(definition.output, 'output'),
    }),
  );
  return {
    get: (name) => byName.get(name),
    has: (name) => byName.has(name),
    list: () => summaries.map((summary) => structuredClone(summary)),
  };
}
