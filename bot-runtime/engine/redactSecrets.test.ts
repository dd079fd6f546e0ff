import { describe, expect, it } from 'vitest';
import { REDACTED, redactRequest, redactSecrets, secretScrubber } from './redactSecrets';

const token = 'sk_live_4f9a"x/y';
const scrub = secretScrubber([{ name: 'ORDERS_TOKEN', value: token }]);

describe('redactSecrets', () => {
  it('hides values under secret-looking keys', () => {
    expect(redactSecrets({ user: 'ada', password: 'hunter2', nested: [{ apiKey: 'k' }] })).toEqual({
      user: 'ada',
      password: REDACTED,
      nested: [{ apiKey: REDACTED }],
    });
  });

  it('replaces a secret the call was given wherever it appears, also escaped or in a key', () => {
    expect(
      redactSecrets(
        {
          body: JSON.stringify({ echoed: `Bearer ${token}` }),
          link: `https://x.example/?t=${encodeURIComponent(token)}`,
          [token]: 'as a key',
          list: [`${token}${token}`],
        },
        scrub,
      ),
    ).toEqual({
      body: '{"echoed":"Bearer [secret ORDERS_TOKEN]"}',
      link: 'https://x.example/?t=[secret ORDERS_TOKEN]',
      '[secret ORDERS_TOKEN]': 'as a key',
      list: ['[secret ORDERS_TOKEN][secret ORDERS_TOKEN]'],
    });
  });

  it('finds a secret as other JSON writers and form encoders write it', () => {
    const scrub = secretScrubber([{ name: 'KEY', value: 'AKIA/ab cdé' }]);
    expect(scrub.text('{"k":"AKIA\\/ab cd\\u00e9"}')).toBe('{"k":"[secret KEY]"}');
    expect(scrub.text('{"k":"AKIA/ab cd\\u00e9"}')).toBe('{"k":"[secret KEY]"}');
    expect(scrub.text('token=AKIA%2Fab+cd%C3%A9&x=1')).toBe('token=[secret KEY]&x=1');
    expect(scrub.text('a body cut short after AKIA/ab')).toBe(
      'a body cut short after [secret KEY]',
    );
    expect(scrub.text('ends in AKI')).toBe('ends in AKI');
  });

  it('replaces in one pass, the longest value first, and never inside a marker', () => {
    const both = secretScrubber([
      { name: 'SHORTER', value: 'secret' },
      { name: 'LONGER', value: 'secret-and-more' },
    ]);
    expect(both.text('a secret-and-more b secret')).toBe('a [secret LONGER] b [secret SHORTER]');
  });

  it('shows [redacted] for a secret whose name cannot be shown', () => {
    expect(secretScrubber([{ name: 'odd] name', value: 'abcdef' }]).text('x abcdef')).toBe(
      `x ${REDACTED}`,
    );
  });

  it('blanks a short secret only as a whole value or a whole word of a header', () => {
    const short = secretScrubber([{ name: 'PIN', value: 'abc' }]);
    expect(short.text('abc')).toBe('[secret PIN]');
    expect(short.text('abcdef and abc')).toBe('abcdef and abc');
    expect(short.header('Bearer abc')).toBe('Bearer [secret PIN]');
    expect(short.header('abcdef, x-abc')).toBe('abcdef, x-abc');
  });
});

describe('redactRequest', () => {
  it('shows the request sent, a secret header as its marker and other credentials hidden', () => {
    expect(
      redactRequest(
        {
          method: 'POST',
          url: 'https://x.example/orders/A1001?api_key=k1&page=2',
          headers: {
            authorization: `Bearer ${token}`,
            'x-api-key': 'from-a-variable',
            'x-echo': `saw ${token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ orderNumber: 'A1001', password: 'hunter2', note: token }),
        },
        scrub,
      ),
    ).toEqual({
      method: 'POST',
      url: `https://x.example/orders/A1001?api_key=${REDACTED}&page=2`,
      headers: {
        authorization: 'Bearer [secret ORDERS_TOKEN]',
        'x-api-key': REDACTED,
        'x-echo': 'saw [secret ORDERS_TOKEN]',
        'content-type': 'application/json',
      },
      body: { orderNumber: 'A1001', password: REDACTED, note: '[secret ORDERS_TOKEN]' },
    });
  });

  it('hides a credential next to a secret in a header and secret-looking form fields', () => {
    expect(
      redactRequest(
        {
          method: 'POST',
          url: 'https://x.example/login',
          headers: {
            authorization: `Basic dXNlcjpwYXNz ${token}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: `user=ada&password=hunter2&note=${encodeURIComponent(token)}`,
        },
        scrub,
      ),
    ).toMatchObject({
      headers: { authorization: REDACTED },
      body: `user=ada&password=${REDACTED}&note=[secret ORDERS_TOKEN]`,
    });
  });
});
