import type { ComponentType } from 'react';
import type { FlowSettings } from '../../flowSettings';

/**
 * What every structured inspector editor gets from the field it draws: the ids that tie it to its
 * label, the stored value as it is (possibly not yet valid) and where to send a new one.
 */
export interface FieldWidgetProps<T> {
  id: string;
  labelId: string;
  value: unknown;
  onChange: (value: T) => void;
}

/** A name a template or rule can read at run time, and where it comes from. */
export interface KnownVariable {
  name: string;
  detail: string;
}

/** What a node's editor knows of an action: the studio passes the action registry's summaries. */
export interface KnownAction {
  name: string;
  outputFields: { name: string; type: string }[];
}

/**
 * The studio's shared inputs, handed to a node type's editor so that it draws them without
 * importing the studio.
 */
export interface EditorKit {
  /** Keeps showing what was typed while the node's schema refuses it. */
  DraftInput: ComponentType<{
    'aria-label': string;
    value: string;
    onChange: (value: string) => void;
  }>;
  /** A variable name, typed or picked from the flow's variables. */
  VariableInput: ComponentType<{
    label: string;
    value: string;
    variables: KnownVariable[];
    onChange: (value: string) => void;
  }>;
  /** A template, completing `{{` with the flow's variables. */
  TemplateInput: ComponentType<{
    label: string;
    value: string;
    variables: KnownVariable[];
    multiline?: boolean;
    placeholder?: string;
    onChange: (value: string) => void;
  }>;
}

/** What a node type's own inspector widget gets: its field, and what the studio knows around it. */
export interface NodeWidgetProps extends FieldWidgetProps<unknown> {
  /** The rest of the node's data, for a widget that depends on another field. */
  nodeData: Record<string, unknown>;
  /**
   * The flow's settings, not the whole document: the document's schema checks nodes against
   * the node registry, so an editor naming it would import its own node type.
   */
  settings: FlowSettings;
  variables: KnownVariable[];
  actions: KnownAction[];
  kit: EditorKit;
}

/**
 * A node type's own inspector widgets, by the name its `custom` fields give. React components:
 * only the studio loads them.
 */
export type NodeEditor = Record<string, ComponentType<NodeWidgetProps>>;
