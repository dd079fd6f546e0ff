import { ActionError } from '../actionError';
import type { ActionDefinition } from '../types';
import { buildOutboundRequest } from './buildOutboundRequest';
import { type HttpInput, type HttpOutput, httpInput, httpOutput } from './httpSchemas';
import { mapResponse } from './mapResponse';

// Session state is persisted every turn; a whole web page in a variable would bloat it.
const maxBodyCharacters = 10_000;

export const httpAction: ActionDefinition<HttpInput, HttpOutput> = {
  name: 'http',
  label: 'HTTP request',
  description:
    'Calls a web service and maps fields of its JSON answer into variables. Secrets are referenced by name.',
  input: httpInput,
  output: httpOutput,
  verbatimInputs: ['url', 'headers', 'body', 'json'],

  async run(input, context) {
    const response = await context.fetch(buildOutboundRequest(input, context));
    const ok = response.status >= 200 && response.status < 300;
    if (!ok && input.failOnErrorStatus) {
      const redirect = response.status >= 300 && response.status < 400;
      throw new ActionError(
        'HTTP_ERROR_STATUS',
        redirect
          ? `The service answered with a redirect (${response.status}); redirects are not followed.`
          : `The service answered with status ${response.status}.`,
        { status: response.status },
      );
    }
    return {
      status: response.status,
      ok,
      body: response.body.slice(0, maxBodyCharacters),
      variables: ok ? mapResponse(response.body, input.responseMapping) : unset(input),
    };
  },

  mock(input) {
    const sample = input.sampleResponse ?? { status: 200, body: '{}' };
    const ok = sample.status >= 200 && sample.status < 300;
    return {
      status: sample.status,
      ok,
      body: sample.body.slice(0, maxBodyCharacters),
      variables: ok ? mapResponse(sample.body, input.responseMapping) : unset(input),
    };
  },
};

/** An error answer has no fields to map; every mapped variable becomes `null`. */
function unset(input: HttpInput): Record<string, null> {
  return Object.fromEntries(Object.keys(input.responseMapping).map((variable) => [variable, null]));
}
