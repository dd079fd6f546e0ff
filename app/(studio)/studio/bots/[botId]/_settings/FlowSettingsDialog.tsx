'use client';

import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Dialog } from '@/app/_components/Dialog';
import type { FlowDocument, FlowIssue } from '@/bot-runtime/flow';
import type { VariableDefinition } from '@/bot-runtime/flow/flowSettings';
import { UndoRedoButtons } from '../_draft/UndoRedoButtons';
import { flowVariables } from '../_inspector/flowVariables';
import { TemplateInput } from '../_inspector/TemplateInput';
import {
  addVariable,
  defaultHint,
  formatVariableDefault,
  MAX_STEPS_LIMIT,
  offerHumanTargets,
  parseVariableDefault,
  removeVariable,
  renameVariable,
  type SettingsEdit,
  type SettingsSection,
  setErrorMessage,
  setFallbackMessage,
  setMaxStepsPerTurn,
  setNluBackground,
  setNluThreshold,
  setOfferHumanAfter,
  setOfferHumanAfterTurns,
  setOfferHumanNode,
  settingsSectionOf,
  setVariableDefault,
  setVariableDescription,
  setVariableType,
  storedDefaultProblem,
  VARIABLE_TYPES,
  type VariableType,
  variableNameProblem,
} from './flowSettingsEdits';
import './flowSettings.css';

/** Applies the next flow through the editor's history; edits with one merge key undo as one. */
type Apply = (flow: FlowDocument, mergeKey?: string) => void;

const TYPE_LABELS: Record<VariableType, string> = {
  string: 'Text',
  number: 'Number',
  boolean: 'True/false',
  date: 'Date',
  object: 'Object (JSON)',
  list: 'List (JSON)',
};

const SECTION_TITLES: Record<SettingsSection, string> = {
  variables: 'Variables',
  understanding: 'Understanding',
  fallback: 'Fallback',
  errors: 'Errors',
};

const SECTIONS = Object.keys(SECTION_TITLES) as SettingsSection[];

/** Turns of a conversation offered as a start when the turn limit is switched on. */
const DEFAULT_TURN_LIMIT = '10';

/**
 * The flow's own settings (variables, understanding, fallback, errors) as a form. Each change is
 * applied at once through the editor's history, like an inspector field: undo takes it back and
 * the draft saves it. A value that does not fit is shown with its error, not applied.
 */
export function FlowSettingsDialog({
  open,
  section,
  flow,
  issues,
  readOnly,
  readOnlyNote,
  history,
  onApply,
  onFocusNode,
  onClose,
}: {
  open: boolean;
  /** The part to show first, e.g. the one a problem is about. */
  section: SettingsSection | null;
  flow: FlowDocument;
  issues: FlowIssue[];
  readOnly: boolean;
  /** Why nothing can be changed, when `readOnly`. */
  readOnlyNote: string;
  history: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean };
  onApply: Apply;
  onFocusNode: (nodeId: string) => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} title="Flow settings" onClose={onClose}>
      <SettingsForm
        section={section}
        flow={flow}
        issues={issues}
        readOnly={readOnly}
        readOnlyNote={readOnlyNote}
        history={history}
        onApply={onApply}
        onFocusNode={onFocusNode}
        onClose={onClose}
      />
    </Dialog>
  );
}

function SettingsForm({
  section,
  flow,
  issues,
  readOnly,
  readOnlyNote,
  history,
  onApply,
  onFocusNode,
  onClose,
}: Omit<Parameters<typeof FlowSettingsDialog>[0], 'open'>) {
  const idPrefix = useId();
  const headingId = (name: SettingsSection) => `${idPrefix}-${name}`;
  // Variables show their problems on their rows; the fallback's are listed above its fields.
  const fallbackIssues = issues.filter((issue) => settingsSectionOf(issue) === 'fallback');

  // Opened for a problem: once the dialog has placed the focus, the problem's section takes it.
  useEffect(() => {
    if (!section) return;
    const frame = requestAnimationFrame(() => focusHeading(`${idPrefix}-${section}`, 'auto'));
    return () => cancelAnimationFrame(frame);
  }, [section, idPrefix]);

  const apply: Apply = (next, mergeKey) => {
    if (!readOnly && next !== flow) onApply(next, mergeKey);
  };

  return (
    <form className="flow-settings stack" onSubmit={(event) => event.preventDefault()}>
      <nav className="row flow-settings-nav" aria-label="Parts of the flow settings">
        {SECTIONS.map((name) => (
          <button key={name} type="button" onClick={() => focusHeading(headingId(name), 'smooth')}>
            {SECTION_TITLES[name]}
          </button>
        ))}
      </nav>
      {readOnly && <p className="muted">{readOnlyNote}</p>}
      <fieldset disabled={readOnly} className="flow-settings-sections">
        <SettingsSectionBox
          id={headingId('variables')}
          title={SECTION_TITLES.variables}
          intro="Declare a variable to give it a type, a starting value and a description; templates and rules offer it by name. Nodes can also set variables of their own."
        >
          <VariablesTable flow={flow} readOnly={readOnly} onApply={apply} />
        </SettingsSectionBox>

        <SettingsSectionBox id={headingId('understanding')} title={SECTION_TITLES.understanding}>
          <TypedField
            label="Confidence threshold"
            help="How sure the bot must be of an intent to act on it, from 0 to 1. Below it, a message counts as not understood and gets the fallback. Higher means fewer wrong guesses and more “didn’t get that”; 0.6 suits most bots."
            flow={flow}
            read={(f) => String(f.settings.nluThreshold)}
            inputProps={{ type: 'number', min: 0, max: 1, step: 0.05, inputMode: 'decimal' }}
            onText={(text) => setNluThreshold(flow, text)}
            onApply={(next) => apply(next, 'settings:nluThreshold')}
          />
          <label>
            <input
              type="checkbox"
              checked={flow.settings.nluBackground}
              onChange={(event) =>
                apply(setNluBackground(flow, event.target.checked), 'settings:nluBackground')
              }
            />{' '}
            Learn what is off-topic
          </label>
          <p className="muted">
            The model also learns “none of these” from small talk, trivia, jokes and other messages
            a support bot is rarely for, so they get the fallback rather than a wrong intent.
            Examples close to this bot’s own phrases are left out, so a bot about weather still
            understands weather. Switch it off only if the bot is meant to answer such messages.
          </p>
        </SettingsSectionBox>

        <SettingsSectionBox
          id={headingId('fallback')}
          title={SECTION_TITLES.fallback}
          issues={fallbackIssues}
        >
          <FallbackFields flow={flow} apply={apply} onFocusNode={onFocusNode} />
        </SettingsSectionBox>

        <SettingsSectionBox id={headingId('errors')} title={SECTION_TITLES.errors}>
          <PlainField
            label="Error message"
            help="What the customer sees when a turn fails inside the bot, such as a broken node or a loop."
            multiline
            value={flow.settings.errorMessage}
            onChange={(text) => apply(setErrorMessage(flow, text), 'settings:errorMessage')}
          />
          <TypedField
            label="Most steps in one turn"
            help={`Guards against loops: a turn that enters more nodes than this without waiting for the customer stops with the error message. From 1 to ${MAX_STEPS_LIMIT}.`}
            flow={flow}
            read={(f) => String(f.settings.maxStepsPerTurn)}
            inputProps={{ type: 'number', min: 1, max: MAX_STEPS_LIMIT, step: 1 }}
            onText={(text) => setMaxStepsPerTurn(flow, text)}
            onApply={(next) => apply(next, 'settings:maxStepsPerTurn')}
          />
        </SettingsSectionBox>
      </fieldset>
      <div className="row flow-settings-footer">
        {!readOnly && <UndoRedoButtons history={history} />}
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </form>
  );
}

/** Brings a section into view and gives its heading the focus, for keyboard and screen readers. */
function focusHeading(id: string, behavior: ScrollBehavior) {
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start', behavior });
  heading?.focus({ preventScroll: true });
}

function SettingsSectionBox({
  id,
  title,
  intro,
  issues,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  issues?: FlowIssue[];
  children: ReactNode;
}) {
  return (
    <section className="flow-settings-section stack" aria-labelledby={id}>
      <h3 id={id} tabIndex={-1}>
        {title}
      </h3>
      {intro && <p className="muted flow-settings-intro">{intro}</p>}
      {issues && issues.length > 0 && (
        <ul className="inspector-issues" aria-label={`Problems with ${title.toLowerCase()}`}>
          {issues.map((issue) => (
            <li key={`${issue.code}-${issue.message}`} className={`issue-${issue.severity}`}>
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      {children}
    </section>
  );
}

function FallbackFields({
  flow,
  apply,
  onFocusNode,
}: {
  flow: FlowDocument;
  apply: Apply;
  onFocusNode: (nodeId: string) => void;
}) {
  const { fallback } = flow.settings;
  const variables = useMemo(() => flowVariables(flow), [flow]);
  const messageId = useId();
  const turnsToggleId = useId();
  const nodeId = useId();
  const targets = offerHumanTargets(flow);
  const chosen = fallback.offerHumanNodeId;
  const chosenExists = chosen !== null && targets.some((node) => node.id === chosen);
  const limited = fallback.offerHumanAfterTurns !== null;

  return (
    <>
      <div className="field">
        <label htmlFor={messageId}>“Didn’t understand” message</label>
        <TemplateInput
          id={messageId}
          value={fallback.message}
          variables={variables}
          onChange={(text) => apply(setFallbackMessage(flow, text), 'settings:fallback.message')}
        />
        <small className="muted">
          Said when an intent node did not understand and has no fallback path of its own.
        </small>
      </div>
      <TypedField
        label="Offer a human after this many misunderstood messages in a row"
        flow={flow}
        read={(f) => String(f.settings.fallback.offerHumanAfter)}
        inputProps={{ type: 'number', min: 1, step: 1 }}
        onText={(text) => setOfferHumanAfter(flow, text)}
        onApply={(next) => apply(next, 'settings:fallback.offerHumanAfter')}
      />
      <div className="field">
        <label className="checkbox" htmlFor={turnsToggleId}>
          <input
            id={turnsToggleId}
            type="checkbox"
            checked={limited}
            onChange={(event) => {
              const edit = setOfferHumanAfterTurns(
                flow,
                event.target.checked ? DEFAULT_TURN_LIMIT : null,
              );
              if (edit.ok) apply(edit.flow);
            }}
          />
          Also offer a human after a number of customer messages
        </label>
        <small className="muted">
          Catches conversations that go round in circles without a single misunderstanding. The bot
          offers a human once.
        </small>
      </div>
      {limited && (
        <TypedField
          label="Customer messages before a human is offered"
          flow={flow}
          read={(f) => String(f.settings.fallback.offerHumanAfterTurns ?? '')}
          inputProps={{ type: 'number', min: 1, step: 1 }}
          onText={(text) => setOfferHumanAfterTurns(flow, text)}
          onApply={(next) => apply(next, 'settings:fallback.offerHumanAfterTurns')}
        />
      )}
      <div className="field">
        <label htmlFor={nodeId}>Node that offers a human</label>
        <div className="row flow-settings-node">
          <select
            id={nodeId}
            value={chosen ?? ''}
            aria-invalid={chosen !== null && !chosenExists ? true : undefined}
            onChange={(event) => {
              const edit = setOfferHumanNode(flow, event.target.value || null);
              if (edit.ok) apply(edit.flow);
            }}
          >
            <option value="">None</option>
            {chosen !== null && !chosenExists && (
              <option value={chosen} disabled>
                “{chosen}” (no longer in the flow)
              </option>
            )}
            {targets.map((node) => (
              <option key={node.id} value={node.id}>
                {node.label ? `${node.label} (${node.id})` : node.id}
              </option>
            ))}
          </select>
          {chosen !== null && chosenExists && (
            <button type="button" onClick={() => onFocusNode(chosen)}>
              Show on canvas
            </button>
          )}
        </div>
        <small className="muted">
          Where the bot goes to offer a human, e.g. a question “Would you like to talk to a
          person?”. Without one, misunderstandings never stop the loop.
        </small>
      </div>
    </>
  );
}

/**
 * The rows of the table have no id in the document; each gets a key of its own for as long as
 * the dialog is open, so a row's unfinished text stays with it when a row above is removed.
 */
function VariablesTable({
  flow,
  readOnly,
  onApply,
}: {
  flow: FlowDocument;
  readOnly: boolean;
  onApply: Apply;
}) {
  const { variables } = flow.settings;
  const nextKey = useRef(0);
  const newKey = () => `row-${nextKey.current++}`;
  const [rowKeys, setRowKeys] = useState<string[]>(() => variables.map(newKey));
  const [focusRow, setFocusRow] = useState<string | null>(null);
  let keys = rowKeys;
  if (keys.length !== variables.length) {
    // Rows came or went from outside the table (undo): start their keys afresh.
    keys = variables.map(newKey);
    setRowKeys(keys);
  }

  function add() {
    const added = addVariable(flow);
    const key = newKey();
    setRowKeys([...keys, key]);
    setFocusRow(key);
    onApply(added.flow);
  }

  function remove(index: number) {
    setRowKeys(keys.filter((_, i) => i !== index));
    onApply(removeVariable(flow, index));
  }

  return (
    <div className="stack">
      {variables.length === 0 ? (
        <p className="muted">No variables declared yet.</p>
      ) : (
        <table className="flow-settings-variables" aria-label="Variables">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Default</th>
              <th scope="col">Description</th>
              {!readOnly && (
                <th scope="col">
                  <span className="visually-hidden">Remove</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {variables.map((variable, index) => {
              const key = keys[index] ?? String(index);
              return (
                <VariableRow
                  key={key}
                  rowKey={key}
                  flow={flow}
                  index={index}
                  variable={variable}
                  readOnly={readOnly}
                  focus={focusRow === key}
                  onFocused={() => setFocusRow(null)}
                  onApply={onApply}
                  onRemove={() => remove(index)}
                />
              );
            })}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <button type="button" className="flow-settings-add" onClick={add}>
          Add variable
        </button>
      )}
    </div>
  );
}

function VariableRow({
  rowKey,
  flow,
  index,
  variable,
  readOnly,
  focus,
  onFocused,
  onApply,
  onRemove,
}: {
  rowKey: string;
  flow: FlowDocument;
  index: number;
  variable: VariableDefinition;
  readOnly: boolean;
  focus: boolean;
  onFocused: () => void;
  onApply: Apply;
  onRemove: () => void;
}) {
  const label = `Variable ${index + 1}`;
  const nameInput = useRef<HTMLInputElement>(null);
  const [name, setName, expectName] = useDraftText(variable.name);
  const savedDefault = formatVariableDefault(variable.default);
  const [defaultText, setDefaultText, expectDefault] = useDraftText(savedDefault);

  useEffect(() => {
    if (!focus) return;
    nameInput.current?.focus();
    nameInput.current?.select();
    onFocused();
  }, [focus, onFocused]);

  const nameError = name === variable.name ? null : variableNameProblem(flow, index, name);
  const parsedDefault = parseVariableDefault(defaultText, variable.type);
  const defaultError = parsedDefault.ok ? storedDefaultProblem(variable) : parsedDefault.error;

  function typeName(text: string) {
    setName(text);
    const edit = renameVariable(flow, index, text);
    if (!edit.ok) return;
    expectName(text);
    onApply(edit.flow, `settings:variable:${rowKey}:name`);
  }

  function typeDefault(text: string) {
    setDefaultText(text);
    const edit = setVariableDefault(flow, index, text);
    if (!edit.ok) return;
    expectDefault(formatVariableDefault(edit.flow.settings.variables[index]?.default));
    onApply(edit.flow, `settings:variable:${rowKey}:default`);
  }

  function chooseType(type: VariableType) {
    // The default's text is read again as the new type; when it does not fit, the flow keeps no
    // default and the field keeps the text, marked, until it is changed to fit.
    const changed = setVariableType(flow, index, type, defaultText);
    expectDefault(formatVariableDefault(changed.flow.settings.variables[index]?.default));
    onApply(changed.flow);
  }

  return (
    <tr>
      <td>
        <CheckedInput
          ref={nameInput}
          aria-label={`${label} name`}
          className="mono"
          spellCheck={false}
          value={name}
          error={nameError}
          onChange={(event) => typeName(event.target.value)}
        />
      </td>
      <td>
        <select
          aria-label={`${label} type`}
          value={variable.type}
          onChange={(event) => chooseType(event.target.value as VariableType)}
        >
          {VARIABLE_TYPES.map((type) => (
            <option key={type} value={type}>
              {TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <CheckedInput
          aria-label={`${label} default`}
          placeholder={readOnly ? '' : `No default · ${defaultHint(variable.type)}`}
          title={`Empty: no default. Otherwise ${defaultHint(variable.type)}.`}
          spellCheck={false}
          value={defaultText}
          error={defaultError}
          onChange={(event) => typeDefault(event.target.value)}
        />
      </td>
      <td>
        <input
          aria-label={`${label} description`}
          value={variable.description}
          onChange={(event) =>
            onApply(
              setVariableDescription(flow, index, event.target.value),
              `settings:variable:${rowKey}:description`,
            )
          }
        />
      </td>
      {!readOnly && (
        <td>
          <button
            type="button"
            aria-label={`Remove variable ${variable.name}`}
            title="Remove"
            onClick={onRemove}
          >
            ×
          </button>
        </td>
      )}
    </tr>
  );
}

/**
 * A field whose text is read into a value (a number, a count): text that does not fit is kept
 * and marked, and the flow keeps its last good value.
 */
function TypedField({
  label,
  help,
  flow,
  read,
  inputProps,
  onText,
  onApply,
}: {
  label: string;
  help?: string;
  flow: FlowDocument;
  /** The field's value in a flow, as text. */
  read: (flow: FlowDocument) => string;
  inputProps: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;
  /** The flow with the typed text stored, or why the text does not fit. */
  onText: (text: string) => SettingsEdit;
  onApply: (flow: FlowDocument) => void;
}) {
  const id = useId();
  const [text, setText, expect] = useDraftText(read(flow));
  const check = text === read(flow) ? null : onText(text);
  const error = check && !check.ok ? check.error : null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <CheckedInput
        {...inputProps}
        id={id}
        value={text}
        error={error}
        describedBy={help ? `${id}-help` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          const edit = onText(event.target.value);
          if (!edit.ok) return;
          expect(read(edit.flow));
          onApply(edit.flow);
        }}
      />
      {help && (
        <small id={`${id}-help`} className="muted">
          {help}
        </small>
      )}
    </div>
  );
}

/** An input that says under it, as it is typed, why its text is refused. */
function CheckedInput({
  error,
  describedBy,
  ref,
  ...inputProps
}: InputHTMLAttributes<HTMLInputElement> & {
  error: string | null;
  /** The ids of other text describing the input, such as its help. */
  describedBy?: string;
  ref?: Ref<HTMLInputElement>;
}) {
  const errorId = useId();
  const describing = [describedBy, error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <>
      <input
        {...inputProps}
        ref={ref}
        aria-invalid={error ? true : undefined}
        aria-describedby={describing || undefined}
      />
      {error && (
        <small id={errorId} className="field-error" role="alert">
          {error}
        </small>
      )}
    </>
  );
}

function PlainField({
  label,
  help,
  multiline,
  value,
  onChange,
}: {
  label: string;
  help: string;
  multiline?: boolean;
  value: string;
  onChange: (text: string) => void;
}) {
  const id = useId();
  const shared = {
    id,
    value,
    'aria-describedby': `${id}-help`,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...shared} rows={2} /> : <input {...shared} />}
      <small id={`${id}-help`} className="muted">
        {help}
      </small>
    </div>
  );
}

/**
 * Text being typed into a field whose value lives in the flow. It follows the flow when the value
 * changes from elsewhere (undo, another field); `expect` names the value a change of this field
 * is about to store (as text), so the person's spelling of it ("0.50") is not replaced.
 */
function useDraftText(saved: string) {
  const [text, setText] = useState(saved);
  const [seen, setSeen] = useState(saved);
  if (saved !== seen) {
    setSeen(saved);
    setText(saved);
  }
  return [text, setText, setSeen] as const;
}
