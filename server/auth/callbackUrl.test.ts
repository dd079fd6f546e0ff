import { describe, expect, it } from 'vitest';
import { isValidCallbackUrl } from './callbackUrl';

describe('where sign-in may return to', () => {
  it('is a path on this site or an http(s) URL, as next-auth requires', () => {
    const base = 'http://parley.test';
    expect(isValidCallbackUrl('/studio', base)).toBe(true);
    expect(isValidCallbackUrl('https://parley.test/admin', base)).toBe(true);
    for (const url of ['junk', 'javascript:alert(1)', 'ftp://x.example', '%ZZ'])
      expect(isValidCallbackUrl(url, base), url).toBe(false);
  });
});
