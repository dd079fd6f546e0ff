import type { JsonValue } from '../../flow/json';
import { renderValue } from '../../flow/template/renderValue';
import { ActionError } from '../actionError';
import { renderTemplate } from '../renderTemplate';
import type { ActionContext, OutboundRequest } from '../types';
import type { HttpInput } from './httpSchemas';

/**
 * Turns the designer's request into the one sent: templates rendered from the session's
 * variables (URL-encoded inside the URL), secrets filled in by name, a JSON body serialised.
 */
export function buildOutboundRequest(
  input: HttpInput,
  context: Pick<ActionContext, 'variables' | 'secret'>,
): OutboundRequest {
  const variables = context.variables ?? {};
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    headers[name.toLowerCase()] = headerValue(name, value, variables, context.secret);
  }
  let body = input.body === undefined ? undefined : renderTemplate(input.body, variables);
  if (input.json !== undefined) {
    body = JSON.stringify(renderJson(input.json, variables));
    headers['content-type'] ??= 'application/json';
  }
  return {
    method: input.method,
    url: renderTemplate(input.url, variables, encodeURIComponent),
    headers,
    body,
    timeoutMs: input.timeoutMs,
  };
}

function headerValue(
  name: string,
  value: HttpInput['headers'][string],
  variables: Readonly<Record<string, JsonValue>>,
  readSecret: ActionContext['secret'],
): string {
  if (typeof value !== 'string') {
    const secret = readSecret(value.secret);
    if (secret === undefined) {
      throw new ActionError('SECRET_NOT_FOUND', `The secret ${value.secret} is not set.`, {
        secret: value.secret,
      });
    }
    return value.prefix + secret;
  }
  const rendered = renderTemplate(value, variables);
  // A line break in a header would let a customer's text add headers of its own.
  if (/[\r\n\0]/.test(rendered)) {
    throw new ActionError('OUTBOUND_INVALID_REQUEST', `The ${name} header contains a line break.`, {
      header: name,
    });
  }
  return rendered;
}

function renderJson(
  template: JsonValue,
  variables: Readonly<Record<string, JsonValue>>,
): JsonValue {
  if (typeof template === 'string') return renderValue(template, variables);
  if (Array.isArray(template)) return template.map((item) => renderJson(item, variables));
  if (template !== null && typeof template === 'object') {
    return Object.fromEntries(
      Object.entries(template).map(([key, value]) => [key, renderJson(value, variables)]),
    );
  }
  return template;
}
