import { describe, expect, it } from 'vitest';
import { farLabel } from './farLabel';

describe('farLabel', () => {
  it('keeps a label of a few words whole on the narrowest node', () => {
    expect(farLabel('Look up order', 200, false)).toBe('Look up order');
    expect(farLabel('Main menu', 200, true)).toBe('Main menu');
  });

  it('cuts a long label with an ellipsis, shorter beside a problem mark', () => {
    const label = 'Ask for the customer order number again, politely';
    const plain = farLabel(label, 200, false);
    const marked = farLabel(label, 200, true);
    expect(plain.endsWith('…')).toBe(true);
    expect(label.startsWith(plain.slice(0, -1))).toBe(true);
    expect(marked.length).toBeLessThan(plain.length);
  });

  it('lets a wider node show more of the label', () => {
    const label = 'Ask for the customer order number again, politely';
    expect(farLabel(label, 280, false).length).toBeGreaterThan(farLabel(label, 200, false).length);
  });

  it('cuts between characters, not inside one', () => {
    expect(farLabel('😀'.repeat(40), 200, false)).toBe(`${'😀'.repeat(15)}…`);
  });
});
