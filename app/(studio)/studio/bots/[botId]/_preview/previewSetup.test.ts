import { describe, expect, it } from 'vitest';
import { DRAFT_SETUP, describeSetup, parseVariableValue, setupRequest } from './previewSetup';

describe('the preview setup', () => {
  it('asks for nothing beyond today’s preview by default', () => {
    expect(setupRequest(DRAFT_SETUP)).toEqual({});
    expect(describeSetup(DRAFT_SETUP)).toBe('Draft · mock actions');
  });

  it('sends the version, the start and the customer chosen', () => {
    const setup = {
      version: { id: 'v3', number: 3 },
      startNode: { id: 'orderAnswer', label: 'Order answer' },
      variables: { orderNumber: 'A1002' },
      customer: { request: { contactId: 'c1' }, label: 'Ada Lovelace' },
      realServices: null,
      background: null,
    };
    expect(setupRequest(setup)).toEqual({
      versionId: 'v3',
      start: { nodeId: 'orderAnswer', variables: { orderNumber: 'A1002' } },
      customer: { contactId: 'c1' },
    });
    expect(describeSetup(setup)).toBe(
      'Version 3 · from Order answer · 1 variable set · as Ada Lovelace · mock actions',
    );
    const live = { ...DRAFT_SETUP, realServices: { deploymentId: 'd1', name: 'Web store' } };
    expect(setupRequest(live)).toEqual({ realServices: { deploymentId: 'd1' } });
    expect(describeSetup(live)).toBe('Draft · real services of Web store');
  });

  it('says whose push settings a backgrounded app follows', () => {
    const away = { ...DRAFT_SETUP, background: { deployment: { id: 'd2', name: 'Acme app' } } };
    expect(setupRequest(away)).toEqual({ background: { deploymentId: 'd2' } });
    expect(describeSetup(away)).toBe(
      "Draft · mock actions · app in the background (Acme app's push settings)",
    );
    const byDefault = { ...DRAFT_SETUP, background: { deployment: null } };
    expect(setupRequest(byDefault)).toEqual({ background: {} });
    expect(describeSetup(byDefault)).toBe(
      'Draft · mock actions · app in the background (default push settings)',
    );
  });

  it('reads a typed value by the variable’s type, and says what is wrong', () => {
    expect(parseVariableValue('string', ' A1001 ')).toEqual({ ok: true, value: ' A1001 ' });
    expect(parseVariableValue('number', '42.5')).toEqual({ ok: true, value: 42.5 });
    expect(parseVariableValue('number', 'lots')).toEqual({ ok: false, message: 'Type a number.' });
    expect(parseVariableValue('boolean', 'false')).toEqual({ ok: true, value: false });
    expect(parseVariableValue('list', '["a", 1]')).toEqual({ ok: true, value: ['a', 1] });
    expect(parseVariableValue('list', '{"a": 1}')).toMatchObject({ ok: false });
    expect(parseVariableValue('object', '{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
    expect(parseVariableValue('object', '{oops')).toEqual({
      ok: false,
      message: 'This is not valid JSON.',
    });
  });
});
