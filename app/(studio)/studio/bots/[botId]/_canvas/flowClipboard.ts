import { z } from 'zod';
import {
  type FlowDocument,
  type FlowEdge,
  type FlowNode,
  flowEdgeSchema,
  flowNodeSchema,
  nodeRegistry,
  type StickyNote,
  stickyNoteSchema,
} from '@/bot-runtime/flow';
import { freeEdgeId, freeNodeId, type Position } from './flowEdits';
import { freeNoteId } from './noteEdits';

/** Pasted copies land this far from their originals, so both stay visible. */
const PASTE_OFFSET = 40;

/**
 * Copied nodes and sticky notes as they travel through the system clipboard, so they can be pasted into another
 * bot, even in another tab. Parsed with the flow's own schemas when pasted: the clipboard may
 * hold anything.
 */
const flowFragmentSchema = z
  .object({
    kind: z.literal('parley.flowFragment'),
    nodes: z.array(flowNodeSchema),
    edges: z.array(flowEdgeSchema),
    positions: z.record(z.string(), z.object({ x: z.number(), y: z.number() })),
    // Copies made before notes could be copied have none.
    notes: z.array(stickyNoteSchema).default([]),
  })
  .refine((fragment) => fragment.nodes.length > 0 || fragment.notes.length > 0);
export type FlowFragment = z.output<typeof flowFragmentSchema>;

/**
 * The chosen nodes (not the entry node: a flow has one), the edges between them and the chosen
 * sticky notes.
 */
export function copyNodes(
  flow: FlowDocument,
  nodeIds: readonly string[],
  noteIds: readonly string[] = [],
): FlowFragment | null {
  const chosen = new Set(nodeIds);
  const nodes = flow.nodes.filter(
    (node) => chosen.has(node.id) && !nodeRegistry.get(node.type)?.isEntry,
  );
  const chosenNotes = new Set(noteIds);
  const notes = flow.layout.notes.filter((note) => chosenNotes.has(note.id));
  if (nodes.length === 0 && notes.length === 0) return null;
  const copied = new Set(nodes.map((node) => node.id));
  return {
    kind: 'parley.flowFragment',
    nodes,
    edges: flow.edges.filter((e) => copied.has(e.sourceNodeId) && copied.has(e.targetNodeId)),
    positions: Object.fromEntries(
      nodes.map((node) => [node.id, flow.layout.nodes[node.id] ?? { x: 0, y: 0 }]),
    ),
    notes,
  };
}

/** Reads clipboard text as copied nodes and notes, or null when it is something else. */
export function readFragment(text: string): FlowFragment | null {
  try {
    const parsed = flowFragmentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Adds copies of the fragment's nodes and notes under fresh ids, with the edges between the
 * nodes. They keep their arrangement, with its top-left corner at `at` (where the person is
 * looking), or just beside the originals without it. Returns the new ids, to select them.
 */
export function pasteFragment(
  flow: FlowDocument,
  fragment: FlowFragment,
  at?: Position,
): { flow: FlowDocument; nodeIds: string[]; noteIds: string[] } {
  const origins = [
    ...Object.values(fragment.positions),
    ...fragment.notes.map((note) => ({ x: note.x, y: note.y })),
  ];
  const corner = {
    x: Math.min(...origins.map((p) => p.x)),
    y: Math.min(...origins.map((p) => p.y)),
  };
  const shift = at
    ? { x: Math.round(at.x - corner.x), y: Math.round(at.y - corner.y) }
    : { x: PASTE_OFFSET, y: PASTE_OFFSET };
  let next = flow;
  const idFor = new Map<string, string>();
  const positions: Record<string, Position> = {};
  const nodes: FlowNode[] = [];
  for (const node of fragment.nodes) {
    const id = freeNodeId(next, node.type);
    idFor.set(node.id, id);
    nodes.push({ ...structuredClone(node), id });
    const from = fragment.positions[node.id] ?? corner;
    positions[id] = { x: from.x + shift.x, y: from.y + shift.y };
    next = { ...next, nodes: [...next.nodes, { ...node, id }] };
  }
  const edges: FlowEdge[] = [];
  for (const edge of fragment.edges) {
    const sourceNodeId = idFor.get(edge.sourceNodeId);
    const targetNodeId = idFor.get(edge.targetNodeId);
    if (!sourceNodeId || !targetNodeId) continue;
    const id = freeEdgeId({ ...flow, edges: [...flow.edges, ...edges] });
    edges.push({ id, sourceNodeId, sourceOutput: edge.sourceOutput, targetNodeId });
  }
  const notes: StickyNote[] = [];
  for (const note of fragment.notes) {
    const id = freeNoteId({
      ...flow,
      layout: { ...flow.layout, notes: [...flow.layout.notes, ...notes] },
    });
    notes.push({ ...note, id, x: note.x + shift.x, y: note.y + shift.y });
  }
  return {
    nodeIds: nodes.map((node) => node.id),
    noteIds: notes.map((note) => note.id),
    flow: {
      ...flow,
      nodes: [...flow.nodes, ...nodes],
      edges: [...flow.edges, ...edges],
      layout: {
        ...flow.layout,
        nodes: { ...flow.layout.nodes, ...positions },
        notes: [...flow.layout.notes, ...notes],
      },
    },
  };
}
