import { describe, expect, it } from 'vitest';
import { ActionError } from '../../../bot-runtime/actions/actionError';
import { createScriptSandbox } from './scriptSandbox';

const sandbox = createScriptSandbox({ timeoutMs: 200, memoryLimitBytes: 8 * 1024 * 1024 });

async function failureOf(source: string, variables: Record<string, unknown> = {}) {
  const error = await sandbox.run(source, variables).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ActionError);
  return error as ActionError;
}

describe('script sandbox', () => {
  it('returns the variables a designer script computes from the ones passed in', async () => {
    const result = await sandbox.run(
      'const total = variables.items.reduce((sum, item) => sum + item.price, 0);\nreturn { total, label: variables.name + ": " + total };',
      { name: 'Basket', items: [{ price: 3 }, { price: 4.5 }] },
    );
    expect(result).toEqual({ total: 7.5, label: 'Basket: 7.5' });
  });

  it('gives back nothing to change when the script returns nothing', async () => {
    expect(await sandbox.run('variables.ignored = 1;', { ignored: 0 })).toEqual({});
  });

  it('works on a copy: changing `variables` inside never touches the host object', async () => {
    const variables = { count: 1 };
    await sandbox.run('variables.count = 99; return {};', variables);
    expect(variables.count).toBe(1);
  });

  it('stops an endless loop', async () => {
    const started = Date.now();
    const error = await failureOf('while (true) {}');
    expect(error.code).toBe('SCRIPT_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stops an endless loop that catches the interruption and tries again', async () => {
    const error = await failureOf('for (;;) { try { while (true) {} } catch (e) {} }');
    expect(error.code).toBe('SCRIPT_TIMEOUT');
  });

  it('stops a memory bomb', async () => {
    // A generous time limit, so it is the memory limit that stops it.
    const patient = createScriptSandbox({ timeoutMs: 5_000, memoryLimitBytes: 4 * 1024 * 1024 });
    const error = await patient
      .run('const hoard = []; for (;;) hoard.push({ a: [1, 2, 3], b: "x" });', {})
      .catch((thrown: unknown) => thrown);
    expect(error).toMatchObject({ code: 'SCRIPT_MEMORY' });
  });

  it('stops one huge allocation', async () => {
    const error = await failureOf('return { filled: new Array(1e8).fill(1).length };');
    expect(error.code).toBe('SCRIPT_MEMORY');
  });

  it('stops runaway recursion', async () => {
    const error = await failureOf(
      'function dive() { return dive() + 1; } return { depth: dive() };',
    );
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toMatch(/stack overflow/);
  });

  it('allows ordinary recursion', async () => {
    const result = await sandbox.run(
      'function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); } return { depth: depth(300) };',
      {},
    );
    expect(result).toEqual({ depth: 300 });
  });

  it('still runs a normal script after a runaway one', async () => {
    await failureOf('while (true) {}');
    await failureOf('function dive() { return dive() + 1; } return { depth: dive() };');
    expect(await sandbox.run('return { ok: true };', {})).toEqual({ ok: true });
  });

  it('has no process, require, fetch, timers or module loading', async () => {
    const result = await sandbox.run(
      `return {
        process: typeof process,
        require: typeof require,
        fetch: typeof fetch,
        xhr: typeof XMLHttpRequest,
        setTimeout: typeof setTimeout,
        module: typeof module,
        viaFunction: Function('return typeof process')(),
        viaGlobal: typeof globalThis.process,
      };`,
      {},
    );
    expect(result).toEqual({
      process: 'undefined',
      require: 'undefined',
      fetch: 'undefined',
      xhr: 'undefined',
      setTimeout: 'undefined',
      module: 'undefined',
      viaFunction: 'undefined',
      viaGlobal: 'undefined',
    });
  });

  it('cannot import node modules', async () => {
    const error = await failureOf("return import('node:fs');");
    expect(error.code).toBe('SCRIPT_ERROR');
  });

  it('reports a thrown error with its message but not the host', async () => {
    const error = await failureOf("throw new Error('no discount for ' + variables.tier);", {
      tier: 'gold',
    });
    expect(error.code).toBe('SCRIPT_ERROR');
    expect(error.message).toBe('Error: no discount for gold');
  });

  it('reports a syntax error as a script error', async () => {
    expect((await failureOf('return {')).code).toBe('SCRIPT_ERROR');
  });

  it('refuses a result that is not an object', async () => {
    expect((await failureOf('return 42;')).code).toBe('SCRIPT_INVALID_RESULT');
    expect((await failureOf('return [1, 2];')).code).toBe('SCRIPT_INVALID_RESULT');
  });
});
