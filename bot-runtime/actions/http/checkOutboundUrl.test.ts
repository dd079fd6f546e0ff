import { describe, expect, it } from 'vitest';
import { checkOutboundUrl } from './checkOutboundUrl';
import { isHostAllowListed } from './isHostAllowListed';

describe('checkOutboundUrl', () => {
  it('lets a public host name through, to be checked again on every address it resolves to', () => {
    const target = checkOutboundUrl('https://Orders.Example.com/v1/orders?n=1', []);
    expect(target).toMatchObject({ hostname: 'orders.example.com', access: 'checked' });
  });

  it.each([
    'http://127.0.0.1/',
    'http://10.0.0.5/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://0x7f.1/',
    'http://[0:0:0:0:0:ffff:a00:5]/',
  ])('refuses %s', (url) => {
    expect(() => checkOutboundUrl(url, [])).toThrow(
      expect.objectContaining({ code: 'OUTBOUND_ADDRESS_BLOCKED' }),
    );
  });

  it('lets an allow-listed private address through', () => {
    expect(checkOutboundUrl('http://10.0.0.5:8080/orders', ['10.0.0.5'])).toMatchObject({
      hostname: '10.0.0.5',
      access: 'allowListed',
    });
  });

  it.each([
    'http://127.0.0.1/',
    'http://[::1]/',
    'http://169.254.169.254/',
    'http://[::ffff:127.0.0.1]/',
  ])('refuses %s even when allow-listed: only the operator opens this machine', (url) => {
    const host = new URL(url).hostname;
    expect(() => checkOutboundUrl(url, [host])).toThrow(
      expect.objectContaining({ code: 'OUTBOUND_ADDRESS_BLOCKED' }),
    );
  });

  it('lets a trusted origin reach this machine, but not on another port or path to metadata', () => {
    const trusted = ['http://127.0.0.1:3000'];
    expect(checkOutboundUrl('http://127.0.0.1:3000/api/demo/orders', [], trusted)).toMatchObject({
      access: 'trusted',
    });
    for (const url of ['http://127.0.0.1:6379/', 'http://169.254.169.254/']) {
      expect(() => checkOutboundUrl(url, [], [...trusted, 'http://169.254.169.254'])).toThrow(
        expect.objectContaining({ code: 'OUTBOUND_ADDRESS_BLOCKED' }),
      );
    }
  });

  it.each([
    'ftp://example.com/',
    'javascript:alert(1)',
    'not a url',
    'http://user:pw@example.com/',
  ])('refuses %s as an invalid URL', (url) => {
    expect(() => checkOutboundUrl(url, [])).toThrow(
      expect.objectContaining({ code: 'OUTBOUND_INVALID_URL' }),
    );
  });
});

describe('isHostAllowListed', () => {
  it('matches host names exactly, ignoring case and a trailing dot', () => {
    expect(isHostAllowListed('Orders.Internal.', ['orders.internal'])).toBe(true);
    expect(isHostAllowListed('orders.internal.evil.com', ['orders.internal'])).toBe(false);
    expect(isHostAllowListed('evilorders.internal', ['orders.internal'])).toBe(false);
  });

  it('matches sub-domains of a wildcard entry, not the domain itself', () => {
    expect(isHostAllowListed('eu.orders.internal', ['*.orders.internal'])).toBe(true);
    expect(isHostAllowListed('orders.internal', ['*.orders.internal'])).toBe(false);
    expect(isHostAllowListed('evilorders.internal', ['*.orders.internal'])).toBe(false);
  });

  it('matches IPv6 literals with or without brackets', () => {
    expect(isHostAllowListed('[fd00::5]', ['fd00::5'])).toBe(true);
  });
});
