import type { KnownVariable } from '@/bot-runtime/flow/nodes/editor/editorKit';
import { templateVariables } from '@/bot-runtime/flow/template/templateVariables';

/** An unclosed `{{name` just before the caret: where it starts and the name typed so far. */
export interface CompletionPrefix {
  start: number;
  query: string;
}

const OPEN_PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)?$/;

export function completionPrefixAt(text: string, caret: number): CompletionPrefix | null {
  const match = OPEN_PLACEHOLDER.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: match.index, query: match[1] ?? '' };
}

/** Names starting with the query first, then names containing it; case does not matter. */
export function matchingVariables(variables: KnownVariable[], query: string): KnownVariable[] {
  const wanted = query.toLowerCase();
  const starts = variables.filter((v) => v.name.toLowerCase().startsWith(wanted));
  const contains = variables.filter(
    (v) => !v.name.toLowerCase().startsWith(wanted) && v.name.toLowerCase().includes(wanted),
  );
  return [...starts, ...contains];
}

/**
 * Replaces the typed prefix with `{{name}}`. The rest of a name and closing braces already
 * after the caret are taken in, so completing inside `{{na}}` does not leave `}}}}` behind.
 */
export function insertCompletion(
  text: string,
  caret: number,
  prefix: CompletionPrefix,
  name: string,
): { text: string; caret: number } {
  const tail = /^[\w.]*(\s*\}\})?/.exec(text.slice(caret))?.[0] ?? '';
  const placeholder = `{{${name}}}`;
  return {
    text: text.slice(0, prefix.start) + placeholder + text.slice(caret + tail.length),
    caret: prefix.start + placeholder.length,
  };
}

/** Variables a template reads that the flow neither declares nor sets anywhere. */
export function unknownVariables(template: string, known: KnownVariable[]): string[] {
  const names = new Set(known.map((v) => v.name));
  return templateVariables(template).filter((name) => !names.has(name));
}
