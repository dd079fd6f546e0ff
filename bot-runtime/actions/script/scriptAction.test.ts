import { describe, expect, it } from 'vitest';
import { ActionError } from '../actionError';
import { fakeActionContext } from '../fakeActionContext';
import { scriptAction } from './scriptAction';

describe('script action', () => {
  it("runs the designer's script with the session's variables and returns what it sets", async () => {
    const seen: unknown[] = [];
    const context = fakeActionContext({
      variables: { subtotal: 40 },
      runScript: async (source, variables) => {
        seen.push({ source, variables });
        return { total: 44, currency: 'EUR' };
      },
    });
    const input = scriptAction.input.parse({
      source: 'return { total: variables.subtotal * 1.1 };',
    });

    expect(await scriptAction.run(input, context)).toEqual({
      variables: { total: 44, currency: 'EUR' },
    });
    expect(seen).toEqual([
      { source: 'return { total: variables.subtotal * 1.1 };', variables: { subtotal: 40 } },
    ]);
  });

  it('passes a sandbox failure on to the engine', async () => {
    const timeout = new ActionError('SCRIPT_TIMEOUT', 'The script ran too long and was stopped.');
    const context = fakeActionContext({
      runScript: async () => {
        throw timeout;
      },
    });
    await expect(scriptAction.run({ source: 'while (true) {}' }, context)).rejects.toBe(timeout);
  });

  it('refuses results whose keys are not variable names', async () => {
    const context = fakeActionContext({ runScript: async () => ({ 'not a name': 1 }) });
    await expect(scriptAction.run({ source: 'return {}' }, context)).rejects.toMatchObject({
      code: 'SCRIPT_INVALID_RESULT',
    });
  });

  it('previews without running anything', () => {
    expect(scriptAction.mock({ source: 'return { a: 1 }' })).toEqual({ variables: {} });
  });
});
