import { type FlowDocument, type FlowIssue, nodeRegistry } from '@/bot-runtime/flow';
import {
  type FlowSettings,
  type VariableDefinition,
  variableTypes,
} from '@/bot-runtime/flow/flowSettings';
import { identifierSchema } from '@/bot-runtime/flow/identifier';
import type { JsonValue } from '@/bot-runtime/flow/json';
import { fitsVariableType } from '@/bot-runtime/flow/variableValue';

/**
 * Every change the flow settings dialog makes to a flow, as pure functions from one document to
 * the next, so they share the canvas's undo stack and draft save. What the person types arrives
 * as text; a setter either returns the next flow or says, for the field, why the text is refused,
 * and a refused text never reaches the flow.
 */

export type VariableType = VariableDefinition['type'];
export const VARIABLE_TYPES: readonly VariableType[] = variableTypes;

export type SettingsEdit = { ok: true; flow: FlowDocument } | { ok: false; error: string };

export type ParsedDefault =
  | { ok: true; value: JsonValue | undefined }
  | { ok: false; error: string };

/** The parts of the dialog, so a problem can open it where it can be fixed. */
export type SettingsSection = 'variables' | 'understanding' | 'fallback' | 'errors';

export const MAX_STEPS_LIMIT = 1000;

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const WHOLE = /^\d+$/;

/** How each type is written, for placeholders. */
const DEFAULT_HINTS: Record<VariableType, string> = {
  string: 'Any text',
  number: 'e.g. 42 or 9.99',
  boolean: 'true or false',
  date: 'YYYY-MM-DD',
  object: 'JSON, e.g. {"plan": "pro"}',
  list: 'JSON, e.g. ["red", "blue"]',
};

/** Why a text is refused as a default of each type. */
const DEFAULT_ERRORS: Record<VariableType, string> = {
  string: 'Not text.',
  number: 'Not a number: enter one like 42 or 9.99.',
  boolean: 'Enter true or false.',
  date: 'Not a date: enter one as YYYY-MM-DD, e.g. 2025-01-31.',
  object: 'Not a JSON object: enter one like {"plan": "pro"}.',
  list: 'Not a JSON list: enter one like ["red", "blue"].',
};

const TYPE_NAMES: Record<VariableType, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date',
  object: 'a JSON object',
  list: 'a JSON list',
};

/** How a default of the type is written, for its field's placeholder. */
export function defaultHint(type: VariableType): string {
  return DEFAULT_HINTS[type];
}

/**
 * A default typed as text, read as the variable's type: empty is no default (the variable starts
 * unset); a number, `true`/`false`, a real calendar date, or JSON for an object or a list.
 */
export function parseVariableDefault(text: string, type: VariableType): ParsedDefault {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const refuse = (): ParsedDefault => ({ ok: false, error: DEFAULT_ERRORS[type] });
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      const value = Number(trimmed);
      return DECIMAL.test(trimmed) && Number.isFinite(value) ? { ok: true, value } : refuse();
    }
    case 'boolean': {
      const lower = trimmed.toLowerCase();
      if (lower === 'true' || lower === 'false') return { ok: true, value: lower === 'true' };
      return refuse();
    }
    case 'date':
      return fitsVariableType(trimmed, 'date') ? { ok: true, value: trimmed } : refuse();
    case 'object':
    case 'list': {
      let value: JsonValue;
      try {
        value = JSON.parse(trimmed) as JsonValue;
      } catch {
        return refuse();
      }
      return value !== null && fitsVariableType(value, type) ? { ok: true, value } : refuse();
    }
  }
}

/** A default as the text its field shows; no default and `null` (unset) are both empty. */
export function formatVariableDefault(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Why a stored default does not fit its type (a flow edited as code), or null when it does. */
export function storedDefaultProblem(variable: VariableDefinition): string | null {
  if (variable.default === undefined || fitsVariableType(variable.default, variable.type)) {
    return null;
  }
  return `The saved default ${JSON.stringify(variable.default)} is not ${TYPE_NAMES[variable.type]}; retype it or change the type.`;
}

/** Why a name cannot be the variable's at `index`, or null when it can. */
export function variableNameProblem(
  flow: FlowDocument,
  index: number,
  name: string,
): string | null {
  if (name === '') return 'Give the variable a name.';
  const parsed = identifierSchema.safeParse(name);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? 'Not a valid name.';
  const taken = flow.settings.variables.some((v, i) => i !== index && v.name === name);
  return taken ? `Another variable is already called “${name}”.` : null;
}

/** Adds a text variable without a default under a free name; returns where it is. */
export function addVariable(flow: FlowDocument): { flow: FlowDocument; index: number } {
  const names = new Set(flow.settings.variables.map((v) => v.name));
  let n = 1;
  while (names.has(`variable${n}`)) n++;
  const variable: VariableDefinition = { name: `variable${n}`, type: 'string', description: '' };
  return {
    flow: withSettings(flow, { variables: [...flow.settings.variables, variable] }),
    index: flow.settings.variables.length,
  };
}

export function removeVariable(flow: FlowDocument, index: number): FlowDocument {
  if (!flow.settings.variables[index]) return flow;
  return withSettings(flow, { variables: flow.settings.variables.filter((_, i) => i !== index) });
}

/**
 * Renames the declaration only: templates and rules that read the old name keep it, and the
 * validator marks them, as it does for any variable no node sets.
 */
export function renameVariable(flow: FlowDocument, index: number, name: string): SettingsEdit {
  const variable = flow.settings.variables[index];
  if (!variable) return { ok: false, error: 'This variable no longer exists.' };
  const problem = variableNameProblem(flow, index, name);
  if (problem) return { ok: false, error: problem };
  if (variable.name === name) return { ok: true, flow };
  return { ok: true, flow: updateVariable(flow, index, { name }) };
}

/**
 * Changes the type, keeping the default as the new type reads `defaultText` (what the default's
 * field shows). A default that does not fit the new type is dropped, so the flow never holds
 * one; the returned `defaultError` says why, for the field that still shows the text.
 */
export function setVariableType(
  flow: FlowDocument,
  index: number,
  type: VariableType,
  defaultText: string,
): { flow: FlowDocument; defaultError: string | null } {
  const variable = flow.settings.variables[index];
  if (!variable || !VARIABLE_TYPES.includes(type)) return { flow, defaultError: null };
  const parsed = parseVariableDefault(defaultText, type);
  const { default: _, ...rest } = variable;
  const next: VariableDefinition = parsed.ok
    ? { ...rest, type, ...(parsed.value === undefined ? {} : { default: parsed.value }) }
    : { ...rest, type };
  if (sameVariable(variable, next)) return { flow, defaultError: null };
  return {
    flow: replaceVariable(flow, index, next),
    defaultError: parsed.ok ? null : parsed.error,
  };
}

export function setVariableDefault(flow: FlowDocument, index: number, text: string): SettingsEdit {
  const variable = flow.settings.variables[index];
  if (!variable) return { ok: false, error: 'This variable no longer exists.' };
  const parsed = parseVariableDefault(text, variable.type);
  if (!parsed.ok) return parsed;
  const { default: _, ...rest } = variable;
  const next: VariableDefinition =
    parsed.value === undefined ? rest : { ...rest, default: parsed.value };
  if (sameVariable(variable, next)) return { ok: true, flow };
  return { ok: true, flow: replaceVariable(flow, index, next) };
}

export function setVariableDescription(
  flow: FlowDocument,
  index: number,
  description: string,
): FlowDocument {
  const variable = flow.settings.variables[index];
  if (!variable || variable.description === description) return flow;
  return updateVariable(flow, index, { description });
}

/** The confidence below which a message counts as not understood, typed as text. */
export function setNluThreshold(flow: FlowDocument, text: string): SettingsEdit {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!DECIMAL.test(trimmed) || !(value >= 0 && value <= 1)) {
    return { ok: false, error: 'Enter a number from 0 to 1, e.g. 0.6.' };
  }
  if (value === flow.settings.nluThreshold) return { ok: true, flow };
  return { ok: true, flow: withSettings(flow, { nluThreshold: value }) };
}

/** Whether the model learns "none of these" from Parley's off-topic background. */
export function setNluBackground(flow: FlowDocument, on: boolean): FlowDocument {
  if (on === flow.settings.nluBackground) return flow;
  return withSettings(flow, { nluBackground: on });
}

export function setFallbackMessage(flow: FlowDocument, message: string): FlowDocument {
  if (message === flow.settings.fallback.message) return flow;
  return withFallback(flow, { message });
}

/** Misunderstood messages in a row before the bot offers a human, at least 1. */
export function setOfferHumanAfter(flow: FlowDocument, text: string): SettingsEdit {
  const value = parseCount(text, 1, Number.MAX_SAFE_INTEGER);
  if (value === null) return { ok: false, error: 'Enter a whole number, 1 or more.' };
  if (value === flow.settings.fallback.offerHumanAfter) return { ok: true, flow };
  return { ok: true, flow: withFallback(flow, { offerHumanAfter: value }) };
}

/** Customer messages after which the bot offers a human once; `null` never does. */
export function setOfferHumanAfterTurns(flow: FlowDocument, text: string | null): SettingsEdit {
  const value = text === null ? null : parseCount(text, 1, Number.MAX_SAFE_INTEGER);
  if (text !== null && value === null) {
    return { ok: false, error: 'Enter a whole number, 1 or more.' };
  }
  if (value === flow.settings.fallback.offerHumanAfterTurns) return { ok: true, flow };
  return { ok: true, flow: withFallback(flow, { offerHumanAfterTurns: value }) };
}

/** The node the bot goes to when it offers a human; `null` for none. */
export function setOfferHumanNode(flow: FlowDocument, nodeId: string | null): SettingsEdit {
  if (nodeId !== null && !offerHumanTargets(flow).some((node) => node.id === nodeId)) {
    return { ok: false, error: 'Choose a node of this flow.' };
  }
  if (nodeId === flow.settings.fallback.offerHumanNodeId) return { ok: true, flow };
  return { ok: true, flow: withFallback(flow, { offerHumanNodeId: nodeId }) };
}

/** The nodes a fallback can go to: all but the entry, which only starts a conversation. */
export function offerHumanTargets(flow: FlowDocument) {
  return flow.nodes.filter((node) => !nodeRegistry.get(node.type)?.isEntry);
}

export function setErrorMessage(flow: FlowDocument, errorMessage: string): FlowDocument {
  if (errorMessage === flow.settings.errorMessage) return flow;
  return withSettings(flow, { errorMessage });
}

/** The most nodes one turn may enter before it stops as a loop: 1 to 1000. */
export function setMaxStepsPerTurn(flow: FlowDocument, text: string): SettingsEdit {
  const value = parseCount(text, 1, MAX_STEPS_LIMIT);
  if (value === null) {
    return { ok: false, error: `Enter a whole number from 1 to ${MAX_STEPS_LIMIT}.` };
  }
  if (value === flow.settings.maxStepsPerTurn) return { ok: true, flow };
  return { ok: true, flow: withSettings(flow, { maxStepsPerTurn: value }) };
}

/**
 * The part of these settings a validator finding is about, or null when it is about a node or
 * another page's settings (global intents belong to the intents page).
 */
export function settingsSectionOf(issue: FlowIssue): SettingsSection | null {
  if (issue.nodeId) return null;
  return issue.setting === 'variables' || issue.setting === 'fallback' ? issue.setting : null;
}

function parseCount(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

function sameVariable(a: VariableDefinition, b: VariableDefinition): boolean {
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.description === b.description &&
    JSON.stringify(a.default) === JSON.stringify(b.default)
  );
}

function updateVariable(
  flow: FlowDocument,
  index: number,
  patch: Partial<VariableDefinition>,
): FlowDocument {
  const variable = flow.settings.variables[index];
  return variable ? replaceVariable(flow, index, { ...variable, ...patch }) : flow;
}

function replaceVariable(
  flow: FlowDocument,
  index: number,
  variable: VariableDefinition,
): FlowDocument {
  return withSettings(flow, {
    variables: flow.settings.variables.map((v, i) => (i === index ? variable : v)),
  });
}

function withFallback(flow: FlowDocument, patch: Partial<FlowSettings['fallback']>): FlowDocument {
  return withSettings(flow, { fallback: { ...flow.settings.fallback, ...patch } });
}

function withSettings(flow: FlowDocument, patch: Partial<FlowSettings>): FlowDocument {
  return { ...flow, settings: { ...flow.settings, ...patch } };
}
