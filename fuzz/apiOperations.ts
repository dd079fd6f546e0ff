import type { JsonSchema } from './jsonSchemaArbitrary';

export interface ApiOperation {
  method: string;
  /** As the contract writes it: `/api/v1/conversations/{conversationId}/messages`. */
  path: string;
  pathParams: string[];
  query: { name: string; schema: JsonSchema }[];
  headers: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
  /** Needs a conversation access token. */
  secured: boolean;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: JsonSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

/** Every operation the running server's OpenAPI document describes: the fuzzer's map. */
export function apiOperations(document: {
  paths: Record<string, Record<string, OpenApiOperation>>;
}): ApiOperation[] {
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => {
      const parameters = operation.parameters ?? [];
      const of = (where: OpenApiParameter['in']) =>
        parameters
          .filter((parameter) => parameter.in === where)
          .map((parameter) => ({ name: parameter.name, schema: parameter.schema ?? {} }));
      return {
        method: method.toUpperCase(),
        path,
        pathParams: of('path').map((parameter) => parameter.name),
        query: of('query'),
        headers: of('header'),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
        secured: (operation.security?.length ?? 0) > 0,
      };
    }),
  );
}
