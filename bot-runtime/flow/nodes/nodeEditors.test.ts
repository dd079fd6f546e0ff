import { describe, expect, it } from 'vitest';
import { nodeRegistry } from '.';

describe('node editors', () => {
  it("has each type's editor draw exactly the custom fields of its inspector", async () => {
    for (const nodeType of nodeRegistry.list()) {
      const custom = nodeType.inspector.flatMap((field) =>
        field.widget === 'custom' ? [field.custom] : [],
      );
      const editor = (await nodeType.editor?.()) ?? {};
      expect(Object.keys(editor).sort(), nodeType.type).toEqual(custom.sort());
    }
  });
});
