import { type FlowDocument, loadFlow } from '@/bot-runtime/flow';

export type ParsedFlowCode =
  | { ok: true; flow: FlowDocument }
  | { ok: false; problems: { line?: number; message: string }[] };

/**
 * Reads the code view's text as a flow document: JSON first, then the flow schema (with its
 * migrations), so what is applied is exactly what a save would accept.
 */
export function parseFlowCode(text: string): ParsedFlowCode {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Not valid JSON.';
    // Engines word this differently; Monaco also marks the spot in the editor itself.
    const line = /line (\d+)/.exec(message);
    const position = /position (\d+)/.exec(message);
    return {
      ok: false,
      problems: [
        {
          line: line ? Number(line[1]) : position ? lineAt(text, Number(position[1])) : undefined,
          message: `Not valid JSON: ${message}`,
        },
      ],
    };
  }
  const loaded = loadFlow(raw);
  if (loaded.ok) return { ok: true, flow: loaded.flow };
  if (loaded.error.issues.length === 0) {
    return { ok: false, problems: [{ message: loaded.error.message }] };
  }
  return {
    ok: false,
    problems: loaded.error.issues.map((issue) => ({
      line: lineOfPath(text, raw, issue.path),
      message: `${issue.path.join('.') || 'document'}: ${issue.message}`,
    })),
  };
}

/** The line of the node a problem is about, found by its id, when the problem is in a node. */
function lineOfPath(text: string, raw: unknown, path: (string | number)[]): number | undefined {
  const [section, index] = path;
  if (section !== 'nodes' || typeof index !== 'number') return undefined;
  const id = (raw as { nodes?: { id?: unknown }[] }).nodes?.[index]?.id;
  if (typeof id !== 'string') return undefined;
  const offset = text.indexOf(`"id": ${JSON.stringify(id)}`);
  return offset >= 0 ? lineAt(text, offset) : undefined;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

export function flowCode(flow: FlowDocument): string {
  return `${JSON.stringify(flow, null, 2)}\n`;
}
