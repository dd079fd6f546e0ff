import fc from 'fast-check';

/** The part of JSON Schema (2020-12, as zod writes it) that the API contract uses. */
export interface JsonSchema {
  type?: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'null';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

/** Values that satisfy `schema`: what a well-behaved app would send. */
export function jsonSchemaArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map(jsonSchemaArbitrary));
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'object':
      return objectArbitrary(schema);
    case 'array':
      return fc.array(jsonSchemaArbitrary(schema.items ?? {}), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 5, 5),
      });
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1e6,
        max: schema.maximum ?? 1e6,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const named = Object.entries(properties).map(
    ([key, value]) => [key, jsonSchemaArbitrary(value)] as const,
  );
  const known = fc.record(Object.fromEntries(named), {
    requiredKeys: required.filter((key) => key in properties),
  });
  if (schema.additionalProperties === undefined || schema.additionalProperties === false) {
    return known;
  }
  const extraValue =
    schema.additionalProperties === true
      ? fc.jsonValue({ maxDepth: 1 })
      : jsonSchemaArbitrary(schema.additionalProperties);
  const extraKey = schema.propertyNames ? stringArbitrary(schema.propertyNames) : fc.string();
  return fc
    .tuple(known, fc.dictionary(extraKey, extraValue, { maxKeys: 4 }))
    .map(([fixed, extra]) => ({ ...extra, ...(fixed as object) }));
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (schema.format === 'uri') return fc.webUrl();
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (schema.format === 'email') return fc.emailAddress();
  // Lengths in the schema count UTF-16 units, fast-check's count graphemes: cut to fit.
  const maxLength = Math.min(schema.maxLength ?? 50, 200);
  return fc
    .string({ unit: 'grapheme', minLength: schema.minLength ?? 0, maxLength })
    .map((text) => text.slice(0, maxLength));
}
