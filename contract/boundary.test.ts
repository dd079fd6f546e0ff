import { describe, expect, it } from 'vitest';
import { importOffenders } from '../server/testing/importOffenders';

const DOMAINS = [
  'messaging',
  'contacts',
  'push',
  'deployments',
  'db',
  'routing',
  'bots',
  'auth',
  'staff',
];

describe('the public API contract', () => {
  it('imports only zod and its own files, so server/ and the SDK can both take it', () => {
    expect(
      importOffenders(
        'contract',
        (specifier, target) => specifier === 'zod' || (target?.startsWith('contract/') ?? false),
      ),
    ).toEqual([]);
  });

  it('leaves the SDK free of server/ and app/', () => {
    expect(
      importOffenders(
        'sdk',
        (_, target) => !(target?.startsWith('server/') || target?.startsWith('app/')),
      ),
    ).toEqual([]);
  });

  it('is what the domain folders of server/ share with the HTTP edge, not server/http itself', () => {
    expect(
      DOMAINS.flatMap((domain) =>
        importOffenders(`server/${domain}`, (_, target) => !target?.startsWith('server/http/')),
      ),
    ).toEqual([]);
  });
});
