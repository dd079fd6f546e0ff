import { type ActionFailureCode, isActionError } from '../actions/actionError';
import {
  type ActionCallRecord,
  emptyCallRecord,
  recordingContext,
} from '../actions/recordingContext';
import type { ActionDefinition, MockContext, OutboundRequest } from '../actions/types';
import type { JsonValue } from '../flow/json';
import type { TraceReason } from '../flow/nodes/traceReason';
import { renderValue } from '../flow/template/renderValue';
import type { EngineServices } from './engineServices';
import { redactRequest, redactSecrets, type SecretScrubber, secretScrubber } from './redactSecrets';
import { toJson } from './toJson';

export type ActionErrorCode =
  | 'ACTION_NOT_FOUND'
  | 'ACTION_INPUT_INVALID'
  | 'ACTION_OUTPUT_INVALID'
  | 'ACTION_TIMEOUT'
  | 'ACTION_FAILED'
  /** An action's own reason, e.g. OUTBOUND_ADDRESS_BLOCKED, kept for the trace. */
  | ActionFailureCode;

export type ActionOutcome =
  | { ok: true; output: JsonValue }
  | { ok: false; error: { code: ActionErrorCode; message: string } };

/**
 * Calls one action with its time budget. Never rejects: a missing action, a bad input, a throw,
 * a timeout or an output that breaks the action's own schema all come back as a failure.
 *
 * The trace shows the request the action sent (its rendered input when it sent none) and every
 * secret value the call was given is replaced by its marker in all the trace holds; the output
 * the flow keeps in variables is the action's own, unchanged.
 */
export async function callAction(
  services: EngineServices,
  request: ActionRequest,
): Promise<{ outcome: ActionOutcome; reason: TraceReason }> {
  const { name, inputTemplates, variables } = request;
  const startedAt = services.clock.now();
  const mocked = services.mockActions === true;
  const action = services.actions.get(name);
  const input = renderInput(inputTemplates, variables, action?.verbatimInputs ?? []);
  const record = emptyCallRecord();
  const result = action
    ? await attempt(services, action, { ...request, input }, mocked, record)
    : failure('ACTION_NOT_FOUND', `No action is called "${name}".`);
  const scrub = secretScrubber(record.secrets);
  // A failure is no data of the bot's: its message loses the secrets for the flow too.
  const outcome: ActionOutcome = result.ok
    ? result
    : failure(result.error.code, scrub.text(result.error.message));
  const reason: TraceReason = {
    kind: 'action',
    action: name,
    mocked,
    request: requestForTrace(record.requests, input, scrub),
    response: outcome.ok ? redactSecrets(outcome.output, scrub) : null,
    error: outcome.ok ? null : outcome.error,
    durationMs: services.clock.now() - startedAt,
  };
  return { outcome, reason };
}

/** What the action sent (a list if several), else its rendered input; secrets scrubbed. */
function requestForTrace(
  sent: readonly OutboundRequest[],
  input: Record<string, JsonValue>,
  scrub: SecretScrubber,
): JsonValue {
  const requests = sent.map((request) => redactRequest(request, scrub));
  if (requests.length === 0) return redactSecrets(input, scrub);
  return requests.length === 1 ? (requests[0] ?? null) : requests;
}

export interface ActionRequest {
  name: string;
  inputTemplates: Record<string, string>;
  variables: Record<string, JsonValue>;
  timeoutMs: number;
}

/** Renders each input template (a lone `{{variable}}` keeps its type) except verbatim ones. */
function renderInput(
  templates: Record<string, string>,
  variables: Record<string, JsonValue>,
  verbatim: readonly string[],
): Record<string, JsonValue> {
  const input: Record<string, JsonValue> = {};
  for (const [field, template] of Object.entries(templates)) {
    input[field] = verbatim.includes(field) ? template : renderValue(template, variables);
  }
  return input;
}

async function attempt(
  services: EngineServices,
  action: ActionDefinition,
  request: ActionRequest & { input: Record<string, JsonValue> },
  mocked: boolean,
  record: ActionCallRecord,
): Promise<ActionOutcome> {
  const { name, input, variables, timeoutMs } = request;
  const parsedInput = action.input.safeParse(input);
  if (!parsedInput.success) {
    const detail = parsedInput.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return failure(
      'ACTION_INPUT_INVALID',
      `Input for "${name}" is invalid (${detail.join('; ')}).`,
    );
  }
  const raw = mocked
    ? await settle(async () => action.mock(parsedInput.data, mockContext(services)))
    : await runWithTimeout(services, timeoutMs, (signal) =>
        action.run(parsedInput.data, {
          ...recordingContext(services.actionContext(signal), record),
          variables,
        }),
      );
  if (!raw.ok) return raw;
  const parsedOutput = action.output.safeParse(raw.output);
  if (!parsedOutput.success) {
    return failure('ACTION_OUTPUT_INVALID', `"${name}" answered with an unexpected shape.`);
  }
  return { ok: true, output: toJson(parsedOutput.data) };
}

/** Only who the customer is: a mock reaches nothing else of the host. */
function mockContext(services: EngineServices): MockContext {
  const { verifiedCustomerId } = services.actionContext(new AbortController().signal);
  return verifiedCustomerId === undefined ? {} : { verifiedCustomerId };
}

type RawOutcome = { ok: true; output: unknown } | Extract<ActionOutcome, { ok: false }>;

function runWithTimeout(
  services: EngineServices,
  timeoutMs: number,
  run: (signal: AbortSignal) => Promise<unknown>,
): Promise<RawOutcome> {
  const controller = new AbortController();
  let cancelTimer = () => {};
  const timedOut = new Promise<RawOutcome>((resolve) => {
    cancelTimer = services.clock.setTimeout(() => {
      controller.abort();
      resolve(failure('ACTION_TIMEOUT', `The action took longer than ${timeoutMs} ms.`));
    }, timeoutMs);
  });
  const finished = settle(() => run(controller.signal));
  return Promise.race([finished, timedOut]).finally(() => cancelTimer());
}

async function settle(run: () => Promise<unknown>): Promise<RawOutcome> {
  try {
    return { ok: true, output: await run() };
  } catch (error) {
    if (isActionError(error)) return failure(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return failure('ACTION_FAILED', message);
  }
}

function failure(code: ActionErrorCode, message: string): Extract<ActionOutcome, { ok: false }> {
  return { ok: false, error: { code, message } };
}
