'use client';

import { type ComponentType, lazy, Suspense } from 'react';
import type { NodeType } from '@/bot-runtime/flow';
import type { EditorKit, NodeWidgetProps } from '@/bot-runtime/flow/nodes/editor/editorKit';
import { DraftInput } from './DraftInput';
import { TemplateInput } from './TemplateInput';
import { VariableInput } from './VariableInput';

const studioKit: EditorKit = { DraftInput, TemplateInput, VariableInput };

/** Each widget becomes one lazy component, so React keeps it across renders. */
const widgets = new Map<string, ComponentType<NodeWidgetProps>>();

/**
 * One of the node type's own inspector widgets. Its editor is loaded the first time one of its
 * widgets is drawn: the node type declares it as a lazy import, which the server never makes.
 */
export function NodeTypeWidget({
  nodeType,
  name,
  ...props
}: Omit<NodeWidgetProps, 'kit'> & { nodeType: NodeType; name: string }) {
  const Widget = widgetOf(nodeType, name);
  return (
    <Suspense fallback={<p className="muted">Loading…</p>}>
      <Widget {...props} kit={studioKit} />
    </Suspense>
  );
}

function widgetOf(nodeType: NodeType, name: string): ComponentType<NodeWidgetProps> {
  const key = `${nodeType.type}.${name}`;
  const known = widgets.get(key);
  if (known) return known;
  const widget = lazy(async () => {
    const editor = await nodeType.editor?.();
    const component = editor?.[name];
    if (!component) throw new Error(`Node type "${nodeType.type}" has no widget "${name}".`);
    return { default: component };
  });
  widgets.set(key, widget);
  return widget;
}
