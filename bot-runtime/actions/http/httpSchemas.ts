import { z } from 'zod';
import { booleanFromText, jsonFromText, numberFromText } from '../inputFromText';
import { parseJsonPath } from '../jsonPath';

export const variableName = z
  .string()
  .regex(/^[A-Za-z_]\w*$/, 'a variable name: letters, digits and _, starting with a letter');

const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'a valid HTTP header name');

const secretReference = z.object({
  secret: z.string().min(1).describe('Name of a deployment secret; its value is never stored'),
  prefix: z.string().default('').describe('Text before the secret, e.g. "Bearer "'),
});

const jsonPath = z
  .string()
  .refine((path) => parseJsonPath(path) !== null, 'a JSON path such as $.order.status');

export const httpInput = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    url: z.string().min(1).describe('The URL; {{variable}} values are URL-encoded'),
    headers: jsonFromText(
      z.record(headerName, z.union([z.string(), secretReference])).default({}),
    ).describe('Header values are templates, or a reference to a secret'),
    body: z
      .string()
      .optional()
      .describe('A text body; {{variable}} values are inserted as they are'),
    json: jsonFromText(
      z.union([z.record(z.string(), z.json()), z.array(z.json())]).optional(),
    ).describe('A JSON body; a string that is exactly {{variable}} takes the value with its type'),
    timeoutMs: numberFromText(z.number().int().min(100).max(30_000).default(10_000)),
    responseMapping: jsonFromText(z.record(variableName, jsonPath).default({})).describe(
      'Variable name -> JSON path in the response, e.g. $.order.status',
    ),
    failOnErrorStatus: booleanFromText(z.boolean().default(true)).describe(
      'Take the failure path when the status is not 2xx',
    ),
    sampleResponse: jsonFromText(
      z
        .object({ status: z.number().int().min(100).max(599).default(200), body: z.string() })
        .optional(),
    ).describe('What preview answers instead of calling the URL'),
  })
  .refine((input) => input.body === undefined || input.json === undefined, {
    message: 'Send either a text body or a JSON body, not both',
    path: ['json'],
  });

export const httpOutput = z.object({
  status: z.number().int().describe('HTTP status code'),
  ok: z.boolean().describe('Whether the status is 2xx'),
  body: z.string().describe('The response body, cut to its first 10,000 characters'),
  variables: z
    .record(z.string(), z.json().nullable())
    .describe('The mapped response values, by variable name'),
});

export type HttpInput = z.output<typeof httpInput>;
export type HttpOutput = z.output<typeof httpOutput>;
