import { beforeAll, describe, expect, it } from 'vitest';
import { loadFlow } from '../../bot-runtime/flow';
import customerSupport from '../../bot-runtime/templates/customer-support.json';
import { groupMessages, type MisunderstoodMessage } from './misunderstood';
import { groupBySimilarity, nluVectorizer, type TextVectorizer } from './misunderstoodGrouping';
import { nluResources } from './nluResources';
import { trainOrExplain } from './tryNlu';

/** The demo bot's model, as publishing trains it. */
let vectorize: TextVectorizer;
beforeAll(() => {
  const loaded = loadFlow(customerSupport);
  if (!loaded.ok) throw new Error(loaded.error.message);
  vectorize = nluVectorizer(trainOrExplain(loaded.flow), nluResources);
});

function groupsOf(texts: string[]): string[][] {
  return groupBySimilarity(texts.map((text) => vectorize(text))).map((members) =>
    members.map((index) => texts[index] as string),
  );
}

let clock = 0;
function message(text: string, topIntent: string | null, score: number): MisunderstoodMessage {
  clock += 1000;
  return {
    id: `m${clock}`,
    text,
    topIntent,
    score,
    sessionId: 's',
    seq: clock,
    createdAt: new Date(clock),
  };
}

describe('grouping misunderstood messages by the NLU’s features', () => {
  it('puts rephrasings of one request together and unrelated requests apart', () => {
    const groups = groupsOf([
      'do you sell gift cards',
      'my parcel arrived damaged',
      'can I buy a gift card',
      'can I change my delivery address',
      'what is the weather today',
      'gift cards available?',
      'update my address',
      'package was damaged in delivery',
    ]);
    expect(groups).toEqual(
      expect.arrayContaining([
        ['do you sell gift cards', 'can I buy a gift card', 'gift cards available?'],
        ['my parcel arrived damaged', 'package was damaged in delivery'],
        ['can I change my delivery address', 'update my address'],
        ['what is the weather today'],
      ]),
    );
    expect(groups).toHaveLength(4);
  });

  it('scores unrelated messages near zero once the words’ shared direction is out', () => {
    const [weather, gift] = ['what is the weather today', 'do you sell gift cards'].map((text) =>
      vectorize(text),
    );
    const dot = (a = weather, b = gift) => {
      const values = new Map<number, number>();
      a?.indices.forEach((feature, k) => {
        values.set(feature, a.values[k] as number);
      });
      let sum = 0;
      b?.indices.forEach((feature, k) => {
        sum += (values.get(feature) ?? 0) * (b.values[k] as number);
      });
      return sum;
    };
    expect(dot(weather, weather)).toBeCloseTo(1, 5);
    expect(Math.abs(dot())).toBeLessThan(0.2);
  });

  it('orders groups by size, merges the same wording and names the intent most came closest to', () => {
    const groups = groupMessages(
      [
        message('what is the weather today', 'openingHours', 0.4),
        message('Do you sell gift cards', 'shippingInfo', 0.5),
        message('do you  sell gift cards', 'shippingInfo', 0.3),
        message('can I buy a gift card', 'returnsInfo', 0.55),
      ],
      vectorize,
    );
    expect(groups.map((group) => group.size)).toEqual([3, 1]);
    const [gifts, weather] = groups;
    expect(gifts).toMatchObject({ closestIntent: 'shippingInfo', meanScore: 0.45 });
    // Newest first within a group.
    expect(gifts?.messages.map((m) => m.text)).toEqual([
      'can I buy a gift card',
      'do you  sell gift cards',
      'Do you sell gift cards',
    ]);
    expect(weather).toMatchObject({ closestIntent: 'openingHours', size: 1 });
  });

  it('breaks a tie between intents by the higher scores', () => {
    const [group] = groupMessages(
      [message('gift card', 'returnsInfo', 0.2), message('gift cards', 'shippingInfo', 0.5)],
      vectorize,
    );
    expect(group?.closestIntent).toBe('shippingInfo');
  });
});
