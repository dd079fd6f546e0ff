import { describe, expect, it } from 'vitest';
import { parseJsonPath, readJsonPath } from './jsonPath';

const answer = {
  order: { status: 'shipped', 'ship-to': { city: 'Lyon' } },
  items: [{ name: 'Blue mug' }, { name: 'Teapot' }],
  'total price': 42,
};

function read(path: string) {
  const segments = parseJsonPath(path);
  if (!segments) throw new Error(`unsupported path ${path}`);
  return readJsonPath(answer, segments);
}

describe('JSON path subset', () => {
  it.each([
    ['$.order.status', 'shipped'],
    ['order.status', 'shipped'],
    ['$.items[1].name', 'Teapot'],
    ['items[0].name', 'Blue mug'],
    ["$['total price']", 42],
    ['$["order"]["ship-to"].city', 'Lyon'],
    ['$.order.ship-to.city', 'Lyon'],
    ['$', answer],
  ])('reads %s', (path, expected) => {
    expect(read(path)).toEqual(expected);
  });

  it.each(['$.order.missing', '$.items[5].name', '$.order.status.length', '$.items.name'])(
    'finds nothing at %s',
    (path) => {
      expect(read(path)).toBeUndefined();
    },
  );

  it('never reaches into prototypes', () => {
    expect(read('$.order.constructor')).toBeUndefined();
    expect(read('$.__proto__')).toBeUndefined();
    expect(read('$.items.length')).toBeUndefined();
  });

  it.each(['$..price', '$.items[*]', '$.items[?(@.price>1)]', 'items[0]name', '$.a()', '$.'])(
    'refuses %s, which is outside the subset',
    (path) => {
      expect(parseJsonPath(path)).toBeNull();
    },
  );
});
