import { describe, expect, it } from 'vitest';
import { type FlowDocument, type FlowIssue, loadFlow, validateFlow } from '@/bot-runtime/flow';
import {
  addVariable,
  formatVariableDefault,
  parseVariableDefault,
  removeVariable,
  renameVariable,
  type SettingsEdit,
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
  variableNameProblem,
} from './flowSettingsEdits';

function supportFlow(): FlowDocument {
  const loaded = loadFlow({
    schemaVersion: 1,
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'greet', type: 'message', label: 'Greeting' },
      { id: 'human', type: 'end', label: 'Offer a human' },
    ],
    edges: [
      { id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'greet' },
      { id: 'e2', sourceNodeId: 'greet', sourceOutput: 'next', targetNodeId: 'human' },
    ],
    settings: {
      variables: [
        { name: 'topic', type: 'string', default: 'general', description: 'What it is about' },
        { name: 'attempts', type: 'number', default: 0 },
      ],
    },
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  return loaded.flow;
}

/** The flow of an accepted edit; fails the test with the refusal otherwise. */
function accepted(edit: SettingsEdit): FlowDocument {
  if (!edit.ok) throw new Error(`refused: ${edit.error}`);
  return edit.flow;
}

function refusal(edit: SettingsEdit): string {
  if (edit.ok) throw new Error('accepted');
  return edit.error;
}

describe('parsing a variable default', () => {
  it('reads empty text as no default, whatever the type', () => {
    for (const type of ['string', 'number', 'boolean', 'date', 'object', 'list'] as const) {
      expect(parseVariableDefault('  ', type)).toEqual({ ok: true, value: undefined });
    }
  });

  it('keeps text as it is typed', () => {
    expect(parseVariableDefault(' general ', 'string')).toEqual({ ok: true, value: ' general ' });
  });

  it('reads numbers, refusing words, hex and half-typed exponents', () => {
    expect(parseVariableDefault('42', 'number')).toEqual({ ok: true, value: 42 });
    expect(parseVariableDefault(' -9.99 ', 'number')).toEqual({ ok: true, value: -9.99 });
    expect(parseVariableDefault('1e3', 'number')).toEqual({ ok: true, value: 1000 });
    for (const text of ['abc', '0x10', '1e', '12abc', 'Infinity', '1,5']) {
      expect(parseVariableDefault(text, 'number')).toMatchObject({ ok: false });
    }
  });

  it('reads true and false in any case, nothing else', () => {
    expect(parseVariableDefault('true', 'boolean')).toEqual({ ok: true, value: true });
    expect(parseVariableDefault('FALSE', 'boolean')).toEqual({ ok: true, value: false });
    expect(parseVariableDefault('yes', 'boolean')).toEqual({
      ok: false,
      error: 'Enter true or false.',
    });
  });

  it('reads days that exist as YYYY-MM-DD', () => {
    expect(parseVariableDefault('2025-01-31', 'date')).toEqual({ ok: true, value: '2025-01-31' });
    expect(parseVariableDefault('2024-02-29', 'date')).toMatchObject({ ok: true });
    for (const text of ['2025-02-29', '2025-04-31', '2025-13-01', '31/01/2025', 'tomorrow']) {
      expect(parseVariableDefault(text, 'date')).toMatchObject({ ok: false });
    }
  });

  it('reads JSON objects and lists, each only as its own kind', () => {
    expect(parseVariableDefault('{"plan": "pro"}', 'object')).toEqual({
      ok: true,
      value: { plan: 'pro' },
    });
    expect(parseVariableDefault('["red", 2]', 'list')).toEqual({ ok: true, value: ['red', 2] });
    expect(parseVariableDefault('[1]', 'object')).toMatchObject({ ok: false });
    expect(parseVariableDefault('{"a": 1}', 'list')).toMatchObject({ ok: false });
    expect(parseVariableDefault('null', 'object')).toMatchObject({ ok: false });
    expect(parseVariableDefault('{plan: pro}', 'object')).toMatchObject({ ok: false });
  });

  it('shows a default as text the same parsing reads back', () => {
    expect(formatVariableDefault(undefined)).toBe('');
    expect(formatVariableDefault(null)).toBe('');
    expect(formatVariableDefault('general')).toBe('general');
    expect(formatVariableDefault(9.5)).toBe('9.5');
    expect(formatVariableDefault(false)).toBe('false');
    expect(formatVariableDefault({ plan: 'pro' })).toBe('{"plan":"pro"}');
    expect(parseVariableDefault(formatVariableDefault(['a']), 'list')).toEqual({
      ok: true,
      value: ['a'],
    });
  });
});

describe('editing variables', () => {
  it('adds a text variable under a free name, and removes one', () => {
    const first = addVariable(supportFlow());
    const second = addVariable(first.flow);
    expect(second.index).toBe(3);
    expect(second.flow.settings.variables.slice(2)).toEqual([
      { name: 'variable1', type: 'string', description: '' },
      { name: 'variable2', type: 'string', description: '' },
    ]);
    const removed = removeVariable(second.flow, 0);
    expect(removed.settings.variables.map((v) => v.name)).toEqual([
      'attempts',
      'variable1',
      'variable2',
    ]);
  });

  it('renames to a free identifier and refuses bad or taken names', () => {
    const flow = supportFlow();
    const renamed = accepted(renameVariable(flow, 0, 'subject'));
    expect(renamed.settings.variables[0]?.name).toBe('subject');
    expect(refusal(renameVariable(flow, 0, 'attempts'))).toBe(
      'Another variable is already called “attempts”.',
    );
    expect(refusal(renameVariable(flow, 0, ''))).toBe('Give the variable a name.');
    for (const name of ['2fast', 'order number', 'e-mail', 'naïve']) {
      expect(variableNameProblem(flow, 0, name)).toBe(
        'Use letters, digits and underscores, starting with a letter.',
      );
    }
    expect(variableNameProblem(flow, 0, 'topic')).toBeNull();
  });

  it('sets a default parsed by the type, clears it when emptied, refuses one that does not fit', () => {
    const flow = supportFlow();
    const set = accepted(setVariableDefault(flow, 1, '3'));
    expect(set.settings.variables[1]).toMatchObject({ name: 'attempts', default: 3 });
    const cleared = accepted(setVariableDefault(set, 1, ''));
    expect(cleared.settings.variables[1]).not.toHaveProperty('default');
    expect(refusal(setVariableDefault(flow, 1, 'three'))).toBe(
      'Not a number: enter one like 42 or 9.99.',
    );
    expect(accepted(setVariableDefault(flow, 1, '0'))).toBe(flow);
  });

  it('changes the type, converting the default when it fits and dropping it when not', () => {
    const flow = supportFlow();
    const asText = setVariableType(flow, 1, 'string', '0');
    expect(asText.defaultError).toBeNull();
    expect(asText.flow.settings.variables[1]).toMatchObject({ type: 'string', default: '0' });

    const asNumber = setVariableType(flow, 0, 'number', 'general');
    expect(asNumber.defaultError).toBe('Not a number: enter one like 42 or 9.99.');
    expect(asNumber.flow.settings.variables[0]).toEqual({
      name: 'topic',
      type: 'number',
      description: 'What it is about',
    });
    expect(validateFlow(asNumber.flow, { knownActions: [] })).not.toContainEqual(
      expect.objectContaining({ code: 'VARIABLE_DEFAULT_TYPE' }),
    );
  });

  it('describes a variable', () => {
    const flow = setVariableDescription(supportFlow(), 1, 'Tries so far');
    expect(flow.settings.variables[1]?.description).toBe('Tries so far');
  });

  it('words a saved default that does not fit its type', () => {
    expect(storedDefaultProblem({ name: 'n', type: 'number', description: '', default: '5' })).toBe(
      'The saved default "5" is not a number; retype it or change the type.',
    );
    expect(storedDefaultProblem({ name: 'n', type: 'number', description: '', default: 5 })).toBe(
      null,
    );
  });
});

describe('editing understanding, fallback and error settings', () => {
  it('switches the off-topic background off and on, keeping the same document when unchanged', () => {
    const flow = supportFlow();
    expect(flow.settings.nluBackground).toBe(true);
    expect(setNluBackground(flow, true)).toBe(flow);
    const off = setNluBackground(flow, false);
    expect(off.settings.nluBackground).toBe(false);
    expect(off.settings.nluThreshold).toBe(flow.settings.nluThreshold);
    expect(setNluBackground(off, true).settings.nluBackground).toBe(true);
  });

  it('sets the confidence threshold between 0 and 1', () => {
    const flow = supportFlow();
    expect(accepted(setNluThreshold(flow, '0.75')).settings.nluThreshold).toBe(0.75);
    expect(accepted(setNluThreshold(flow, '1')).settings.nluThreshold).toBe(1);
    expect(accepted(setNluThreshold(flow, '0')).settings.nluThreshold).toBe(0);
    for (const text of ['1.5', '-0.1', '', 'high']) {
      expect(refusal(setNluThreshold(flow, text))).toBe('Enter a number from 0 to 1, e.g. 0.6.');
    }
  });

  it('sets the fallback message and how soon a human is offered', () => {
    const flow = supportFlow();
    expect(setFallbackMessage(flow, 'Pardon?').settings.fallback.message).toBe('Pardon?');
    expect(accepted(setOfferHumanAfter(flow, '3')).settings.fallback.offerHumanAfter).toBe(3);
    for (const text of ['0', '2.5', '', 'two']) {
      expect(refusal(setOfferHumanAfter(flow, text))).toBe('Enter a whole number, 1 or more.');
    }
  });

  it('offers a human after a number of customer messages, or never', () => {
    const flow = accepted(setOfferHumanAfterTurns(supportFlow(), '8'));
    expect(flow.settings.fallback.offerHumanAfterTurns).toBe(8);
    expect(
      accepted(setOfferHumanAfterTurns(flow, null)).settings.fallback.offerHumanAfterTurns,
    ).toBe(null);
    expect(refusal(setOfferHumanAfterTurns(flow, '0'))).toBe('Enter a whole number, 1 or more.');
  });

  it('picks the node that offers a human among the flow’s nodes, or none', () => {
    const flow = accepted(setOfferHumanNode(supportFlow(), 'human'));
    expect(flow.settings.fallback.offerHumanNodeId).toBe('human');
    expect(accepted(setOfferHumanNode(flow, null)).settings.fallback.offerHumanNodeId).toBeNull();
    expect(refusal(setOfferHumanNode(flow, 'gone'))).toBe('Choose a node of this flow.');
    expect(refusal(setOfferHumanNode(flow, 'start'))).toBe('Choose a node of this flow.');
  });

  it('sets the error message and the step limit of a turn', () => {
    const flow = supportFlow();
    expect(setErrorMessage(flow, 'Oops.').settings.errorMessage).toBe('Oops.');
    expect(accepted(setMaxStepsPerTurn(flow, '250')).settings.maxStepsPerTurn).toBe(250);
    expect(accepted(setMaxStepsPerTurn(flow, '1000')).settings.maxStepsPerTurn).toBe(1000);
    for (const text of ['0', '1001', '10.5', '']) {
      expect(refusal(setMaxStepsPerTurn(flow, text))).toBe('Enter a whole number from 1 to 1000.');
    }
  });

  it('returns the same document for a value it already has, so undo gets no empty step', () => {
    const flow = supportFlow();
    expect(accepted(setNluThreshold(flow, '0.6'))).toBe(flow);
    expect(accepted(setMaxStepsPerTurn(flow, '100'))).toBe(flow);
    expect(setFallbackMessage(flow, flow.settings.fallback.message)).toBe(flow);
    expect(accepted(renameVariable(flow, 0, 'topic'))).toBe(flow);
  });

  it('leaves the rest of the document alone', () => {
    const flow = supportFlow();
    const next = accepted(setNluThreshold(flow, '0.8'));
    expect(next.nodes).toBe(flow.nodes);
    expect(next.settings.variables).toBe(flow.settings.variables);
    expect(next.settings.fallback).toBe(flow.settings.fallback);
  });
});

describe('problems about the settings', () => {
  function issuesOf(flow: FlowDocument): FlowIssue[] {
    return validateFlow(flow, { knownActions: [] });
  }

  it('sends a default that does not fit its type to the variables', () => {
    const flow = supportFlow();
    const broken: FlowDocument = {
      ...flow,
      settings: {
        ...flow.settings,
        variables: [{ name: 'count', type: 'number', default: 'five', description: '' }],
      },
    };
    const issue = issuesOf(broken).find((i) => i.code === 'VARIABLE_DEFAULT_TYPE');
    expect(issue && settingsSectionOf(issue)).toBe('variables');
  });

  it('sends a turn limit without a node, and a missing fallback node, to the fallback', () => {
    const limited = accepted(setOfferHumanAfterTurns(supportFlow(), '5'));
    const warning = issuesOf(limited).find((i) => i.code === 'TURN_LIMIT_WITHOUT_TARGET');
    expect(warning && settingsSectionOf(warning)).toBe('fallback');

    const flow = supportFlow();
    const dangling: FlowDocument = {
      ...flow,
      settings: {
        ...flow.settings,
        fallback: { ...flow.settings.fallback, offerHumanNodeId: 'gone' },
        globalIntents: [{ intent: 'help', targetNodeId: 'alsoGone' }],
      },
      nlu: { ...flow.nlu, intents: [{ name: 'help', description: '', phrases: ['help'] }] },
    };
    const targets = issuesOf(dangling).filter((i) => i.code === 'UNKNOWN_TARGET');
    expect(targets.map((issue) => settingsSectionOf(issue))).toEqual([null, 'fallback']);
  });

  it('leaves problems of nodes to the canvas', () => {
    const issue: FlowIssue = {
      code: 'UNKNOWN_TARGET',
      severity: 'error',
      nodeId: 'greet',
      message: 'fallback',
    };
    expect(settingsSectionOf(issue)).toBeNull();
  });
});
