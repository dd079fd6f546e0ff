import type { z } from 'zod';
import type { JsonValue } from '../flow/json';

/**
 * The contract between the engine's `action` node and the actions it can call.
 * An action declares its input and output schemas so the studio can offer its result fields
 * and the validator can check a flow names an existing action.
 */
export interface ActionDefinition<Input = unknown, Output = unknown> {
  name: string;
  label: string;
  description: string;
  input: z.ZodType<Input>;
  /**
   * A field named `variables` (a record) holds values the action computes per variable name (a
   * script's results, an HTTP response mapping); a flow keeps them with result paths such as
   * `variables.orderStatus`, or an engine may copy the whole record into the session.
   */
  output: z.ZodType<Output>;
  /**
   * Input fields the engine passes as the designer wrote them, without rendering `{{variable}}`
   * templates: the action renders them itself from `context.variables`, escaping each value for
   * where it lands (the http URL, headers, JSON body), or they are not templates at all (a
   * script's source). The engine may render templates in every other string input.
   */
  verbatimInputs?: readonly string[];
  /** Throws an `ActionError` (see `actionError.ts`) when it fails; the engine takes `failure`. */
  run(input: Input, context: ActionContext): Promise<Output>;
  /**
   * What preview returns when the designer chooses not to call real endpoints; `context` says
   * who the preview's customer is, so a mock answers a verified customer as `run` would.
   */
  mock(input: Input, context?: MockContext): Output;
}

/** What a mock may know of the conversation: whether its customer is a verified one. */
export type MockContext = Pick<ActionContext, 'verifiedCustomerId'>;

/** The outside world as an action sees it; everything is injected by the host. */
export interface ActionContext {
  /**
   * Outbound HTTP, guarded by the host against private and loopback addresses. Redirects are
   * not followed (a 3xx comes back as a response); failures are `ActionError`s `OUTBOUND_*`.
   */
  fetch(request: OutboundRequest): Promise<OutboundResponse>;
  /**
   * Runs designer-written JavaScript in a sandbox with CPU-time and memory limits and returns
   * the variables it sets; failures are `ActionError`s `SCRIPT_*`.
   */
  runScript(source: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Looks a secret up by name; secrets never live in the flow document. */
  secret(name: string): string | undefined;
  /**
   * The session's variables when the action runs, read-only: what a script sees and what an
   * action renders its `verbatimInputs` from. Absent counts as no variables.
   */
  variables?: Readonly<Record<string, JsonValue>>;
  /** Per-deployment settings for built-in actions (endpoint URLs, knowledge base...). */
  settings: ActionSettings;
  /**
   * The customer's id in the app (the `sub` of an identity token the host verified); absent
   * for anonymous customers and in preview. Set by the host, never from a flow's variables.
   */
  verifiedCustomerId?: string;
  /** Aborted when the action's time budget runs out. */
  signal: AbortSignal;
  now(): number;
}

export interface OutboundRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface KnowledgeArticle {
  id: string;
  question: string;
  answer: string;
}

export interface ActionSettings {
  orderStatusUrl?: string;
  passwordResetUrl?: string;
  /** Name of the secret sent as a bearer token to the order-status and password-reset URLs. */
  endpointTokenSecret?: string;
  knowledgeBase?: KnowledgeArticle[];
}
