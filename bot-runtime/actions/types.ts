import type { z } from 'zod';

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
  output: z.ZodType<Output>;
  run(input: Input, context: ActionContext): Promise<Output>;
  /** What preview returns when the designer chooses not to call real endpoints. */
  mock(input: Input): Output;
}

/** The outside world as an action sees it; everything is injected by the host. */
export interface ActionContext {
  /** Outbound HTTP, guarded by the host against private and loopback addresses. */
  fetch(request: OutboundRequest): Promise<OutboundResponse>;
  /** Runs designer-written JavaScript in a sandbox with CPU-time and memory limits. */
  runScript(source: string, variables: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Looks a secret up by name; secrets never live in the flow document. */
  secret(name: string): string | undefined;
  /** Per-deployment settings for built-in actions (endpoint URLs, knowledge base...). */
  settings: ActionSettings;
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
  knowledgeBase?: KnowledgeArticle[];
}
