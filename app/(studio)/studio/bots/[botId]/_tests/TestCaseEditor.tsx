'use client';

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import {
  type Expectation,
  endStatuses,
  type TestCase,
  type TestTurn,
  type TextMatchMode,
  textMatchModes,
} from '@/bot-runtime/botTests/testCase';
import { describeTestInput } from './describeTestInput';

const NEW_EXPECTATIONS: Record<Expectation['kind'], Expectation> = {
  botSays: { kind: 'botSays', match: 'contains', text: '', ignoreCase: false },
  intent: { kind: 'intent', intent: null },
  visited: { kind: 'visited', nodeId: '' },
  variable: { kind: 'variable', variable: '', value: null },
  status: { kind: 'status', status: 'awaiting_input' },
  noAgent: { kind: 'noAgent' },
};

const KIND_LABELS: Record<Expectation['kind'], string> = {
  botSays: 'Bot says',
  intent: 'Intent is',
  visited: 'Goes through node',
  variable: 'Variable equals',
  status: 'Ends with status',
  noAgent: 'Takes “No agent available”',
};

const MATCH_LABELS = { exact: 'exactly', contains: 'containing', matches: 'matching (RE2)' };
const STATUS_LABELS = {
  awaiting_input: 'waiting for the customer',
  escalated: 'escalated',
  ended: 'ended',
};

/**
 * Edits one test case: its name, what the customer does each turn, and each expectation, which
 * can be loosened (exact text to "contains" or a pattern) or removed. Nothing is stored until
 * Save; Cancel drops every change.
 */
export function TestCaseEditor({
  botId,
  initial,
  revision,
  nodeLabel,
  onDone,
}: {
  botId: string;
  initial: TestCase;
  /** Null for a case not stored yet. */
  revision: number | null;
  nodeLabel: (nodeId: string) => string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [testCase, setCurrent] = useState(initial);
  /** Earlier states of the form, newest last, for Undo. */
  const [past, setPast] = useState<TestCase[]>([]);
  const setTestCase = (next: TestCase | ((current: TestCase) => TestCase)) => {
    setPast((earlier) => [...earlier.slice(-49), testCase]);
    setCurrent(next);
  };
  const undo = () => {
    const previous = past.at(-1);
    if (!previous) return;
    setPast(past.slice(0, -1));
    setCurrent(previous);
  };
  const create = useMutation(trpc.bots.createTestCase.mutationOptions({ onSuccess: onDone }));
  const update = useMutation(trpc.bots.updateTestCase.mutationOptions({ onSuccess: onDone }));
  const saving = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  const setTurn = (index: number, turn: TestTurn) =>
    setTestCase((current) => ({
      ...current,
      turns: current.turns.map((t, i) => (i === index ? turn : t)),
    }));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (revision === null) create.mutate({ botId, testCase });
    else update.mutate({ botId, testCase, baseRevision: revision });
  }

  return (
    <form className="stack tests-editor" onSubmit={onSubmit} aria-label="Edit test case">
      <label>
        Name
        <input
          value={testCase.name}
          maxLength={200}
          required
          onChange={(e) => setTestCase({ ...testCase, name: e.target.value })}
        />
      </label>
      {testCase.turns.map((turn, index) => (
        <fieldset
          // Turns have no id of their own; their place in the conversation is what they are.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          className="tests-turn stack"
        >
          <legend>
            Turn {index}: {describeTestInput(turn.input)}
          </legend>
          {turn.input.type === 'text' && (
            <label>
              Customer says
              <input
                value={turn.input.text}
                onChange={(e) =>
                  setTurn(index, { ...turn, input: { type: 'text', text: e.target.value } })
                }
              />
            </label>
          )}
          {turn.expect.map((expectation, position) => (
            <ExpectationRow
              // biome-ignore lint/suspicious/noArrayIndexKey: expectations are edited in place, by position
              key={position}
              expectation={expectation}
              nodeLabel={nodeLabel}
              onChange={(next) =>
                setTurn(index, {
                  ...turn,
                  expect: turn.expect.map((e, i) => (i === position ? next : e)),
                })
              }
              onRemove={() =>
                setTurn(index, { ...turn, expect: turn.expect.filter((_, i) => i !== position) })
              }
            />
          ))}
          <div className="row">
            <select
              aria-label={`Add an expectation to turn ${index}`}
              value=""
              onChange={(e) => {
                const kind = e.target.value as Expectation['kind'];
                if (kind)
                  setTurn(index, { ...turn, expect: [...turn.expect, NEW_EXPECTATIONS[kind]] });
              }}
            >
              <option value="">Add an expectation…</option>
              {Object.entries(KIND_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
            {index > 0 && (
              <button
                type="button"
                onClick={() =>
                  setTestCase({ ...testCase, turns: testCase.turns.filter((_, i) => i !== index) })
                }
              >
                Remove turn
              </button>
            )}
          </div>
        </fieldset>
      ))}
      <div className="row">
        <button
          type="button"
          onClick={() =>
            setTestCase({
              ...testCase,
              turns: [...testCase.turns, { input: { type: 'text', text: '' }, expect: [] }],
            })
          }
        >
          Add a customer message
        </button>
        <button
          type="button"
          onClick={() =>
            setTestCase({
              ...testCase,
              turns: [...testCase.turns, { input: { type: 'noAgent' }, expect: [] }],
            })
          }
        >
          Add “nobody can come”
        </button>
      </div>
      {error && <ErrorAlert error={error} />}
      <div className="row">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save test case'}
        </button>
        <button type="button" onClick={undo} disabled={past.length === 0 || saving}>
          Undo
        </button>
        <button type="button" onClick={onDone} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ExpectationRow({
  expectation,
  nodeLabel,
  onChange,
  onRemove,
}: {
  expectation: Expectation;
  nodeLabel: (nodeId: string) => string;
  onChange: (next: Expectation) => void;
  onRemove: () => void;
}) {
  return (
    <div className="tests-expectation">
      <span>{KIND_LABELS[expectation.kind]}</span>
      <ExpectationFields expectation={expectation} nodeLabel={nodeLabel} onChange={onChange} />
      <button
        type="button"
        onClick={onRemove}
        aria-label={`Remove “${KIND_LABELS[expectation.kind]}”`}
      >
        ×
      </button>
    </div>
  );
}

function ExpectationFields({
  expectation,
  nodeLabel,
  onChange,
}: {
  expectation: Expectation;
  nodeLabel: (nodeId: string) => string;
  onChange: (next: Expectation) => void;
}) {
  switch (expectation.kind) {
    case 'botSays':
      return (
        <>
          <select
            aria-label="How the text must match"
            value={expectation.match}
            onChange={(e) =>
              onChange({
                ...expectation,
                match: e.target.value as TextMatchMode,
              })
            }
          >
            {textMatchModes.map((mode) => (
              <option key={mode} value={mode}>
                {MATCH_LABELS[mode]}
              </option>
            ))}
          </select>
          <input
            type="text"
            aria-label="Bot message"
            value={expectation.text}
            required
            onChange={(e) => onChange({ ...expectation, text: e.target.value })}
          />
          <label>
            <input
              type="checkbox"
              checked={expectation.ignoreCase}
              onChange={(e) => onChange({ ...expectation, ignoreCase: e.target.checked })}
            />{' '}
            ignore case
          </label>
        </>
      );
    case 'intent':
      return (
        <input
          type="text"
          aria-label="Intent (empty: not understood)"
          placeholder="not understood"
          value={expectation.intent ?? ''}
          onChange={(e) => onChange({ ...expectation, intent: e.target.value.trim() || null })}
        />
      );
    case 'visited':
      return (
        <>
          <input
            type="text"
            aria-label="Node id"
            value={expectation.nodeId}
            required
            onChange={(e) => onChange({ ...expectation, nodeId: e.target.value })}
          />
          <span className="muted">{expectation.nodeId && nodeLabel(expectation.nodeId)}</span>
        </>
      );
    case 'variable':
      return <VariableFields expectation={expectation} onChange={onChange} />;
    case 'status':
      return (
        <>
          <select
            aria-label="Status"
            value={expectation.status}
            onChange={(e) =>
              onChange({ ...expectation, status: e.target.value as (typeof endStatuses)[number] })
            }
          >
            {endStatuses.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
          {expectation.status === 'escalated' && (
            <input
              type="text"
              aria-label="Queue (empty: any)"
              placeholder="any queue"
              value={expectation.queue ?? ''}
              onChange={(e) =>
                onChange({ ...expectation, queue: e.target.value.trim() || undefined })
              }
            />
          )}
        </>
      );
    case 'noAgent':
      return null;
  }
}

/** The value is JSON (`"A1001"`, `true`, `3`); a value that does not parse is taken as text. */
function VariableFields({
  expectation,
  onChange,
}: {
  expectation: Extract<Expectation, { kind: 'variable' }>;
  onChange: (next: Expectation) => void;
}) {
  const [valueText, setValueText] = useState(JSON.stringify(expectation.value));
  return (
    <>
      <input
        type="text"
        aria-label="Variable"
        value={expectation.variable}
        required
        onChange={(e) => onChange({ ...expectation, variable: e.target.value })}
      />
      <span>=</span>
      <input
        type="text"
        aria-label="Value (JSON)"
        value={valueText}
        onChange={(e) => {
          setValueText(e.target.value);
          onChange({ ...expectation, value: parseValue(e.target.value) });
        }}
      />
    </>
  );
}

function parseValue(text: string): Extract<Expectation, { kind: 'variable' }>['value'] {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
