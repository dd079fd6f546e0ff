/** The flow document's public surface for the studio, the API and the server. */
export {
  diffFlows,
  edgeKey,
  type FieldChange,
  type FlowDiff,
  type NodeChangeKind,
  type NodeDiff,
} from './diffFlows';
export { type FlowDocument, type FlowDocumentInput, flowDocumentSchema } from './flowDocument';
export { type FlowEdge, flowEdgeSchema } from './flowEdge';
export {
  type FlowLayout,
  flowLayoutSchema,
  STICKY_NOTE_COLORS,
  STICKY_NOTE_MAX_TEXT_LENGTH,
  type StickyNote,
  type StickyNoteColor,
  stickyNoteSchema,
} from './flowLayout';
export { type FlowNode, flowNodeSchema } from './flowNode';
export { type FlowSettings, flowSettingsSchema } from './flowSettings';
export { type LoadFlowResult, loadFlow } from './loadFlow';
export { migrateFlow } from './migrations/migrateFlow';
export { type NluDefinition, nluDefinitionSchema } from './nluDefinition';
export { nodeRegistry } from './nodes';
export type { NodeRegistry } from './nodes/createNodeRegistry';
export type { InspectorField, NodeOutput, NodeType } from './nodes/nodeType';
export type { FlowIssue, FlowIssueCode } from './validator/flowIssue';
export { validateFlow } from './validator/validateFlow';
export { validateFlowDocument } from './validator/validateFlowDocument';
