import { z } from 'zod';

export interface SchemaField {
  name: string;
  /** `string`, `number`, `integer`, `boolean`, `object`, `array`, or several joined by ` | `. */
  type: string;
  required: boolean;
  nullable: boolean;
  /** The allowed values when the field is an enum. */
  values?: string[];
  description?: string;
}

interface JsonSchema {
  type?: string | string[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/**
 * The top-level fields of an object schema, for the studio: what an action's result offers to
 * map into variables, and what its input asks for. `io` picks the shape before (`input`) or
 * after (`output`) parsing, which differ for fields with defaults.
 */
export function describeSchemaFields(
  schema: z.ZodType,
  io: 'input' | 'output' = 'output',
): SchemaField[] {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const types = typesOf(property);
    const field: SchemaField = {
      name,
      type: types.filter((type) => type !== 'null').join(' | ') || 'unknown',
      required: required.has(name),
      nullable: types.includes('null'),
    };
    if (property.enum) field.values = property.enum.map(String);
    if (property.description) field.description = property.description;
    return field;
  });
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.anyOf) return [...new Set(schema.anyOf.flatMap(typesOf))];
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}
