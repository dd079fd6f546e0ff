import {
  newQuickJSWASMModule,
  type QuickJSContext,
  type QuickJSHandle,
  type QuickJSWASMModule,
} from 'quickjs-emscripten';
import { ActionError } from '../../../bot-runtime/actions/actionError';

export interface ScriptSandboxOptions {
  /** Longest a script may run. It runs on the calling thread, so keep this short. */
  timeoutMs?: number;
  memoryLimitBytes?: number;
  maxStackBytes?: number;
  /** Largest JSON the script may return. */
  maxResultBytes?: number;
}

export interface ScriptSandbox {
  /** Runs `source` as a function body with `variables` in scope; resolves to what it returns. */
  run(source: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/**
 * Runs designer-written JavaScript in QuickJS compiled to WebAssembly: the script sees only the
 * JavaScript language and a JSON copy of the variables (no `process`, `require`, `fetch`, timers,
 * files or network), in a fresh runtime per run with its own CPU-time, memory and stack limits.
 * Failures are `ActionError`s: `SCRIPT_TIMEOUT`, `SCRIPT_MEMORY`, `SCRIPT_ERROR`,
 * `SCRIPT_INVALID_RESULT`.
 */
export function createScriptSandbox(options: ScriptSandboxOptions = {}): ScriptSandbox {
  const limits = {
    timeoutMs: options.timeoutMs ?? 250,
    memoryLimitBytes: options.memoryLimitBytes ?? 16 * 1024 * 1024,
    // QuickJS must run out of stack before the host does: past about 256 KiB, deep recursion
    // overflows the host's own stack first and leaves the interpreter's heap corrupt.
    maxStackBytes: Math.min(options.maxStackBytes ?? 200 * 1024, 256 * 1024),
    maxResultBytes: options.maxResultBytes ?? 64 * 1024,
  };
  // A module of our own, not the library's shared one, so nothing else runs in this heap.
  let quickJs: Promise<QuickJSWASMModule> | undefined;
  return {
    async run(source, variables) {
      quickJs ??= newQuickJSWASMModule().then(warmUp);
      try {
        return runInFreshRuntime(await quickJs, source, variables, limits);
      } catch (error) {
        if (error instanceof ActionError) throw error;
        // The interpreter itself failed, not the script: its heap may be corrupt, so the next
        // run starts from a new module.
        quickJs = undefined;
        throw new ActionError('SCRIPT_ERROR', 'The script exhausted the sandbox and was stopped.');
      }
    },
  };
}

type Limits = Required<ScriptSandboxOptions>;

/**
 * The first run in a new module pays for compiling the WebAssembly, hundreds of milliseconds,
 * which must not count against a designer's script.
 */
function warmUp(module: QuickJSWASMModule): QuickJSWASMModule {
  runInFreshRuntime(
    module,
    'return { total: [1, 2, 3].map((n) => n * 2).reduce((a, b) => a + b, 0), text: JSON.stringify(variables) };',
    { x: 1 },
    {
      timeoutMs: 10_000,
      memoryLimitBytes: 16 * 1024 * 1024,
      maxStackBytes: 200 * 1024,
      maxResultBytes: 1024,
    },
  );
  return module;
}

// The designer's code is the body of a function, called with a JSON copy of the variables; its
// result leaves the sandbox as JSON text, so no object of the sandbox ever reaches the host.
const wrapperStart = `(function (variables) {
  const result = (function (variables) {
`;
const wrapperEnd = `
  }).call(undefined, variables);
  if (result !== null && typeof result === 'object' && typeof result.then === 'function') {
    throw new TypeError('Scripts run synchronously: return an object, not a promise.');
  }
  return result === undefined ? 'null' : JSON.stringify(result);
})(JSON.parse(globalThis.__variables))`;

function runInFreshRuntime(
  quickJs: QuickJSWASMModule,
  source: string,
  variables: Record<string, unknown>,
  limits: Limits,
): Record<string, unknown> {
  const variablesJson = toJson(variables);
  const runtime = quickJs.newRuntime();
  runtime.setMemoryLimit(limits.memoryLimitBytes);
  runtime.setMaxStackSize(limits.maxStackBytes);
  const deadline = Date.now() + limits.timeoutMs;
  let timedOut = false;
  runtime.setInterruptHandler(() => {
    timedOut ||= Date.now() > deadline;
    return timedOut;
  });
  const vm = runtime.newContext();
  try {
    const variablesHandle = vm.newString(variablesJson);
    vm.setProp(vm.global, '__variables', variablesHandle);
    variablesHandle.dispose();
    const result = vm.evalCode(`${wrapperStart}${source}${wrapperEnd}`, 'script.js');
    if (result.error) throw scriptFailure(takeDump(vm, result.error), timedOut);
    return parseResult(takeDump(vm, result.value), limits.maxResultBytes);
  } finally {
    vm.dispose();
    runtime.dispose();
  }
}

function toJson(variables: Record<string, unknown>): string {
  try {
    return JSON.stringify(variables);
  } catch {
    throw new ActionError('SCRIPT_ERROR', 'The variables cannot be passed to a script as JSON.');
  }
}

function takeDump(vm: QuickJSContext, handle: QuickJSHandle): unknown {
  try {
    return vm.dump(handle);
  } finally {
    handle.dispose();
  }
}

function scriptFailure(thrown: unknown, timedOut: boolean): ActionError {
  if (timedOut) {
    return new ActionError('SCRIPT_TIMEOUT', 'The script ran too long and was stopped.');
  }
  const { name, message } = describeThrown(thrown);
  if (/out of memory/i.test(message)) {
    return new ActionError('SCRIPT_MEMORY', 'The script used too much memory and was stopped.');
  }
  return new ActionError('SCRIPT_ERROR', `${name}: ${message}`, { name });
}

function describeThrown(thrown: unknown): { name: string; message: string } {
  if (thrown !== null && typeof thrown === 'object' && 'message' in thrown) {
    const { name, message } = thrown as { name?: unknown; message?: unknown };
    return { name: typeof name === 'string' ? name : 'Error', message: String(message) };
  }
  return { name: 'Error', message: `the script threw ${JSON.stringify(thrown) ?? String(thrown)}` };
}

function parseResult(json: unknown, maxResultBytes: number): Record<string, unknown> {
  if (typeof json !== 'string') {
    throw new ActionError(
      'SCRIPT_INVALID_RESULT',
      'The script must return an object of JSON values.',
    );
  }
  if (json.length > maxResultBytes) {
    throw new ActionError(
      'SCRIPT_INVALID_RESULT',
      `The script returned more than ${maxResultBytes} bytes.`,
    );
  }
  const value: unknown = JSON.parse(json);
  if (value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ActionError(
      'SCRIPT_INVALID_RESULT',
      'The script must return an object such as { total: 42 }, or nothing.',
    );
  }
  return value as Record<string, unknown>;
}
