'use client';

import { useId, useState } from 'react';
import type { ActionSummary } from '@/bot-runtime/actions';
import type { FlowDocument, InspectorField, NodeType } from '@/bot-runtime/flow';
import type { KnownVariable } from '@/bot-runtime/flow/nodes/editor/editorKit';
import { CodeEditor } from '../_code/CodeEditor';
import { CardsInput } from './CardsInput';
import { ImageInput } from './ImageInput';
import { NodeTypeWidget } from './NodeTypeWidget';
import { TemplateInput } from './TemplateInput';
import { VariableInput } from './VariableInput';
import { VariableListInput } from './VariableListInput';
import './inspectorFields.css';

interface FieldProps {
  nodeType: NodeType;
  field: InspectorField;
  value: unknown;
  flow: FlowDocument;
  actions: ActionSummary[];
  /** What templates and variable pickers offer: see `flowVariables`. */
  variables: KnownVariable[];
  /** The rest of the node's data, for widgets that depend on another field (the action). */
  nodeData: Record<string, unknown>;
  /** Form fields follow their fieldset; the code editor needs telling. */
  readOnly: boolean;
  error?: string;
  onChange: (value: unknown) => void;
}

/** One inspector field, drawn by its widget; a widget without a form of its own edits JSON. */
export function FieldInput(props: FieldProps) {
  const { field, error } = props;
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} id={`${id}-label`}>
        {field.label}
      </label>
      <Widget {...props} id={id} labelId={`${id}-label`} />
      {field.help && <small className="muted">{field.help}</small>}
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

function Widget({
  nodeType,
  field,
  value,
  flow,
  actions,
  variables,
  nodeData,
  readOnly,
  onChange,
  id,
  labelId,
}: FieldProps & { id: string; labelId: string }) {
  const action = actions.find((candidate) => candidate.name === nodeData.action);
  switch (field.widget) {
    case 'text':
      return <input id={id} value={asString(value)} onChange={(e) => onChange(e.target.value)} />;
    case 'template':
      return (
        <TemplateInput id={id} value={asString(value)} variables={variables} onChange={onChange} />
      );
    case 'number':
      return (
        <input
          id={id}
          type="number"
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => {
            if (e.target.value !== '') onChange(Number(e.target.value));
          }}
        />
      );
    case 'toggle':
      return (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => onChange(e.target.checked)}
        />
      );
    case 'select':
      return (
        <select id={id} value={asString(value)} onChange={(e) => onChange(e.target.value)}>
          {field.choices?.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      );
    case 'variable':
      return (
        <VariableInput id={id} value={asString(value)} variables={variables} onChange={onChange} />
      );
    case 'options':
      return (
        <textarea
          id={id}
          placeholder="One per line"
          value={Array.isArray(value) ? value.join('\n') : ''}
          onChange={(e) => onChange(e.target.value.split('\n').filter((line) => line !== ''))}
        />
      );
    case 'quickReplies':
      return <QuickRepliesInput id={id} value={value} onChange={onChange} />;
    case 'intentPicker':
      return <IntentPicker id={id} value={value} flow={flow} onChange={onChange} />;
    case 'actionPicker':
      return <ActionPicker id={id} value={value} actions={actions} onChange={onChange} />;
    case 'inputMapping':
      return (
        <InputMappingInput
          id={id}
          value={value}
          action={action}
          variables={variables}
          readOnly={readOnly}
          onChange={onChange}
        />
      );
    case 'custom':
      return (
        <NodeTypeWidget
          nodeType={nodeType}
          name={field.custom}
          id={id}
          labelId={labelId}
          value={value}
          nodeData={nodeData}
          settings={flow.settings}
          variables={variables}
          actions={actions}
          onChange={onChange}
        />
      );
    case 'cards':
      return (
        <CardsInput
          id={id}
          labelId={labelId}
          value={value}
          variables={variables}
          onChange={onChange}
        />
      );
    case 'image':
      return <ImageInput id={id} labelId={labelId} value={value} onChange={onChange} />;
    case 'variableList':
      return (
        <VariableListInput
          id={id}
          labelId={labelId}
          value={value}
          variables={variables}
          onChange={onChange}
        />
      );
    case 'code':
      return (
        <input
          id={id}
          className="code-input"
          spellCheck={false}
          value={asString(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'nodePicker':
      return (
        <select id={id} value={asString(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choose a node</option>
          {flow.nodes.map((node) => (
            <option key={node.id} value={node.id}>
              {node.label || node.id}
            </option>
          ))}
        </select>
      );
    default:
      return <JsonInput key={JSON.stringify(value)} id={id} value={value} onChange={onChange} />;
  }
}

function QuickRepliesInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const replies = Array.isArray(value) ? (value as { label: string; value: string }[]) : [];
  const update = (index: number, patch: Partial<{ label: string; value: string }>) =>
    onChange(replies.map((reply, i) => (i === index ? { ...reply, ...patch } : reply)));
  return (
    <div className="stack quick-replies" id={id}>
      {replies.map((reply, index) => (
        // Replies have no id of their own; their place in the list is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div className="row" key={index}>
          <input
            aria-label={`Reply ${index + 1} label`}
            value={reply.label}
            onChange={(e) => update(index, { label: e.target.value })}
          />
          <input
            aria-label={`Reply ${index + 1} value`}
            placeholder="value"
            value={reply.value}
            onChange={(e) => update(index, { value: e.target.value })}
          />
          <button
            type="button"
            aria-label={`Remove reply ${index + 1}`}
            onClick={() => onChange(replies.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...replies, { label: `Option ${replies.length + 1}`, value: '' }])}
      >
        Add a reply
      </button>
    </div>
  );
}

function IntentPicker({
  id,
  value,
  flow,
  onChange,
}: {
  id: string;
  value: unknown;
  flow: FlowDocument;
  onChange: (value: unknown) => void;
}) {
  const chosen = Array.isArray(value) ? (value as { intent: string; slots: unknown[] }[]) : [];
  const names = new Set(chosen.map((c) => c.intent));
  if (flow.nlu.intents.length === 0) {
    return (
      <p className="muted" id={id}>
        This bot has no intents yet.
      </p>
    );
  }
  return (
    <div className="stack intent-picker" id={id}>
      {flow.nlu.intents.map((intent) => (
        <label key={intent.name} className="checkbox">
          <input
            type="checkbox"
            checked={names.has(intent.name)}
            onChange={(e) =>
              onChange(
                e.target.checked
                  ? [...chosen, { intent: intent.name, slots: [] }]
                  : chosen.filter((c) => c.intent !== intent.name),
              )
            }
          />
          {intent.name}
          <span className="muted">({intent.phrases.length} phrases)</span>
        </label>
      ))}
    </div>
  );
}

function ActionPicker({
  id,
  value,
  actions,
  onChange,
}: {
  id: string;
  value: unknown;
  actions: ActionSummary[];
  onChange: (value: unknown) => void;
}) {
  const current = actions.find((action) => action.name === value);
  return (
    <>
      <select id={id} value={asString(value)} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose an action</option>
        {actions.map((action) => (
          <option key={action.name} value={action.name}>
            {action.label}
          </option>
        ))}
      </select>
      {current && (
        <small className="muted">
          {current.description} Result fields:{' '}
          {current.outputFields.map((f) => `${f.name} (${f.type})`).join(', ') || 'none'}.
        </small>
      )}
    </>
  );
}

type ActionInput = { name: string; value: string };

/**
 * One field per input the chosen action takes, each a template; a script's source is code, so
 * it gets a code editor.
 */
function InputMappingInput({
  id,
  value,
  action,
  variables,
  readOnly,
  onChange,
}: {
  id: string;
  value: unknown;
  action: ActionSummary | undefined;
  variables: KnownVariable[];
  readOnly: boolean;
  onChange: (value: unknown) => void;
}) {
  const inputs = Array.isArray(value) ? (value as ActionInput[]) : [];
  if (!action) {
    return (
      <p className="muted" id={id}>
        Choose an action first.
      </p>
    );
  }
  const inputValue = (name: string) => inputs.find((input) => input.name === name)?.value ?? '';
  const set = (name: string, text: string) =>
    onChange(
      inputs.some((input) => input.name === name)
        ? inputs.map((input) => (input.name === name ? { name, value: text } : input))
        : [...inputs, { name, value: text }],
    );
  if (action.inputFields.length === 0) {
    return (
      <p className="muted" id={id}>
        This action takes no inputs.
      </p>
    );
  }
  return (
    <div className="stack input-mapping" id={id}>
      {action.inputFields.map((input) => (
        <div key={input.name} className="stack">
          <span className="input-mapping-name">
            <code>{input.name}</code>
            {input.required ? '' : ' (optional)'}
          </span>
          {action.name === 'script' && input.name === 'source' ? (
            <CodeEditor
              value={inputValue(input.name)}
              language="javascript"
              readOnly={readOnly}
              height={220}
              label="Script source"
              onChange={(text) => set(input.name, text)}
            />
          ) : (
            <TemplateInput
              multiline={false}
              label={`Input ${input.name}`}
              value={inputValue(input.name)}
              placeholder={input.type}
              variables={variables}
              onChange={(text) => set(input.name, text)}
            />
          )}
          {input.description && <small className="muted">{input.description}</small>}
        </div>
      ))}
    </div>
  );
}

function JsonInput({
  id,
  value,
  onChange,
}: {
  id: string;
  value: unknown;
  onChange: (value: unknown) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  return (
    <>
      <textarea
        id={id}
        className="json-input"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          try {
            const parsed: unknown = JSON.parse(text);
            setParseError(null);
            onChange(parsed);
          } catch (error) {
            setParseError(error instanceof Error ? error.message : 'Not valid JSON.');
          }
        }}
      />
      {parseError && (
        <small className="field-error" role="alert">
          {parseError}
        </small>
      )}
    </>
  );
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
