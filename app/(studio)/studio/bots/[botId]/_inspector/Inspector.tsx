'use client';

import { useMemo, useState } from 'react';
import type { ActionSummary } from '@/bot-runtime/actions';
import {
  type FlowDocument,
  type FlowIssue,
  type FlowNode,
  type InspectorField,
  nodeRegistry,
} from '@/bot-runtime/flow';
import { updateNode } from '../_canvas/flowEdits';
import { FieldInput } from './FieldInput';
import { fieldIssueMessage } from './fieldIssue';
import { flowVariables } from './flowVariables';

/**
 * The selected node's settings, as a form generated from its type's `inspector` fields. A
 * change the node type's schema refuses is shown next to the field and not applied.
 */
export function Inspector({
  flow,
  node,
  issues,
  actions,
  readOnly,
  onChange,
}: {
  flow: FlowDocument;
  node: FlowNode | undefined;
  issues: FlowIssue[];
  actions: ActionSummary[];
  readOnly: boolean;
  onChange: (flow: FlowDocument, mergeKey: string) => void;
}) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const variables = useMemo(() => flowVariables(flow), [flow]);
  if (!node) {
    return (
      <p className="muted inspector-empty">
        Select a node to see its settings. Drag from a node’s output to another node to connect
        them.
      </p>
    );
  }
  const nodeType = nodeRegistry.get(node.type);
  if (!nodeType) return <div className="alert alert-error">Unknown node type “{node.type}”.</div>;

  function setField(field: InspectorField, value: unknown) {
    if (!node || !nodeType) return;
    const parsed = nodeType.dataSchema.safeParse(setPath(node.data, field.field, value));
    const key = `${node.id}.${field.field}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setFieldErrors((errors) => ({
        ...errors,
        [key]: issue ? fieldIssueMessage(issue, field.field, field.label) : 'Not a valid value.',
      }));
      return;
    }
    setFieldErrors(({ [key]: _, ...rest }) => rest);
    onChange(
      updateNode(flow, node.id, { data: parsed.data as Record<string, unknown> }),
      `data:${key}`,
    );
  }

  const visibleFields = nodeType.inspector.filter(
    (field) =>
      !field.visibleWhen ||
      readPath(node.data, field.visibleWhen.field) === field.visibleWhen.equals,
  );

  return (
    <form
      className="stack inspector"
      aria-label={`Settings of ${node.label || nodeType.label}`}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="muted">
        {nodeType.label} · <code>{node.id}</code>
      </div>
      <fieldset disabled={readOnly} className="stack">
        <label>
          Label
          <input
            value={node.label}
            onChange={(event) =>
              onChange(updateNode(flow, node.id, { label: event.target.value }), `label:${node.id}`)
            }
          />
        </label>
        {visibleFields.map((field) => (
          <FieldInput
            key={`${node.id}.${field.field}`}
            nodeType={nodeType}
            field={field}
            value={readPath(node.data, field.field)}
            flow={flow}
            actions={actions}
            variables={variables}
            nodeData={node.data}
            readOnly={readOnly}
            error={fieldErrors[`${node.id}.${field.field}`]}
            onChange={(value) => setField(field, value)}
          />
        ))}
      </fieldset>
      {issues.length > 0 && (
        <ul className="inspector-issues">
          {issues.map((issue) => (
            <li key={`${issue.code}-${issue.message}`} className={`issue-${issue.severity}`}>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

function readPath(data: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      data,
    );
}

function setPath(
  data: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  if (head === undefined) return data;
  if (rest.length === 0) return { ...data, [head]: value };
  const child = data[head];
  return {
    ...data,
    [head]: setPath(
      child && typeof child === 'object' ? (child as Record<string, unknown>) : {},
      rest.join('.'),
      value,
    ),
  };
}
