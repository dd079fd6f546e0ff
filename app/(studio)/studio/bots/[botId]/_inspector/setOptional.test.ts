import { describe, expect, it } from 'vitest';
import { setOptional } from './setOptional';

describe('setOptional', () => {
  it('leaves an emptied optional text out instead of keeping an empty string', () => {
    const button = { label: 'Track', url: 'https://t.example' };
    expect(setOptional(button, 'url', '')).toStrictEqual({ label: 'Track' });
    expect(setOptional(button, 'url', 'https://x.example')).toEqual({
      label: 'Track',
      url: 'https://x.example',
    });
  });
});
