// The studio's structured widgets take the same props as the node types' own ones.
export type { FieldWidgetProps } from '@/bot-runtime/flow/nodes/editor/editorKit';
