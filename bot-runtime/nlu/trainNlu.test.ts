import { describe, expect, it } from 'vitest';
import { bundledNluResources } from './bundledResources';
import { loadNlu } from './loadNlu';
import { supportBot } from './supportBot.fixture';
import { trainNlu } from './trainNlu';

const model = trainNlu(supportBot);
const nlu = loadNlu(model);

describe('intent recognition on a small support bot', () => {
  it.each([
    ['where is my package', 'order_status'],
    ['i forgot my password again', 'password_reset'],
    ['can i talk to a real person', 'talk_to_human'],
    ['i would like a refund for this', 'returns'],
  ])('recognises "%s" as %s', (text, intent) => {
    expect(nlu.classify(text, { threshold: 0 }).intent).toBe(intent);
  });

  it('ranks every intent, best first, with confidences summing to at most 1', () => {
    const { ranking, confidence } = nlu.classify('track my order');
    expect(ranking.map((score) => score.intent).sort()).toEqual([
      'order_status',
      'password_reset',
      'returns',
      'talk_to_human',
    ]);
    expect(ranking[0]?.confidence).toBe(confidence);
    const confidences = ranking.map((score) => score.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    expect(confidences.reduce((sum, value) => sum + value, 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('answers null below the threshold, with the confidence it had', () => {
    const confident = nlu.classify('change password', { threshold: 0 });
    expect(confident.intent).toBe('password_reset');
    const strict = nlu.classify('change password', { threshold: confident.confidence + 1e-9 });
    expect(strict.intent).toBeNull();
    expect(strict.confidence).toBe(confident.confidence);
  });

  it('picks a threshold from the training data and uses it by default', () => {
    expect(nlu.threshold).toBeGreaterThanOrEqual(0);
    expect(nlu.threshold).toBeLessThan(1);
    const { confidence, intent } = nlu.classify('what is the weather like on mars');
    expect(intent === null).toBe(confidence < nlu.threshold);
  });

  it('finds entities while classifying', () => {
    const { intent, entities } = nlu.classify('where is order a1002, i paid for next day', {
      threshold: 0,
    });
    expect(intent).toBe('order_status');
    expect(entities.map(({ entity, value }) => ({ entity, value }))).toEqual([
      { entity: 'orderNumber', value: 'a1002' },
      { entity: 'shippingMethod', value: 'express' },
    ]);
  });
});

describe('the trained model', () => {
  it('gives identical predictions and confidences after a JSON round trip', () => {
    const reloaded = loadNlu(JSON.parse(JSON.stringify(model)));
    for (const text of ['where is my order', 'password', 'hello there', 'refund A1001 tomorrow']) {
      const now = new Date('2025-03-14T10:00:00Z');
      expect(reloaded.classify(text, { now })).toEqual(nlu.classify(text, { now }));
    }
  });

  it('is the same whatever the order of the phrases and intents', () => {
    const shuffled = {
      ...supportBot,
      intents: [...supportBot.intents].reverse().map((intent) => ({
        ...intent,
        phrases: [...intent.phrases].reverse(),
      })),
    };
    const retrained = loadNlu(trainNlu(shuffled));
    const intentsInOrder = (classifier: typeof nlu) =>
      classifier
        .classify('get me a representative')
        .ranking.map((score) => [score.intent, score.confidence]);
    expect(intentsInOrder(retrained)).toEqual(intentsInOrder(nlu));
    expect(JSON.stringify(trainNlu(supportBot))).toBe(JSON.stringify(model));
  });

  it('learns from 3 intents with 5 phrases each', () => {
    const tiny = loadNlu(
      trainNlu({
        intents: [
          {
            name: 'greet',
            phrases: ['hi', 'hello', 'good morning', 'hey there', 'hello, anyone?'],
          },
          {
            name: 'opening_hours',
            phrases: [
              'when are you open',
              'opening hours',
              'are you open on sunday',
              'what time do you close',
              'hours today',
            ],
          },
          {
            name: 'cancel_order',
            phrases: [
              'cancel my order',
              'I want to cancel',
              'stop my order',
              'please cancel the purchase',
              'cancel it',
            ],
          },
        ],
      }),
    );
    expect(tiny.classify('hello!', { threshold: 0 }).intent).toBe('greet');
    expect(tiny.classify('what are your opening hours', { threshold: 0 }).intent).toBe(
      'opening_hours',
    );
    expect(tiny.classify('cancel my purchase please', { threshold: 0 }).intent).toBe(
      'cancel_order',
    );
  });

  it("reads an intent's name as one more phrase", () => {
    const named = loadNlu(
      trainNlu({
        intents: [
          {
            name: 'subscription_price',
            phrases: [
              'how much is the subscription',
              'subscription cost',
              'what does a subscription cost per month',
            ],
          },
          {
            name: 'cancel_subscription',
            phrases: ['stop my plan', 'end my membership', 'i want to quit'],
          },
        ],
      }),
    );
    // No phrase of cancel_subscription says "cancel" or "subscription"; its name does.
    expect(named.classify('cancel my subscription', { threshold: 0 }).intent).toBe(
      'cancel_subscription',
    );
  });

  it('learns "none of these" from out-of-scope examples', () => {
    const withNone = loadNlu(
      trainNlu({
        ...supportBot,
        outOfScope: [
          'what is the weather',
          'tell me a joke',
          'who won the game',
          'play some music',
          'how tall is everest',
        ],
      }),
    );
    expect(withNone.intents).not.toContain('__none__');
    expect(withNone.classify('tell me a funny joke', { threshold: 0 }).intent).toBeNull();
    expect(withNone.classify('where is my order', { threshold: 0 }).intent).toBe('order_status');
  });

  it('refuses an invalid training set', () => {
    expect(() => trainNlu({ intents: [] })).toThrow();
    expect(() =>
      trainNlu({
        intents: [
          { name: 'a', phrases: ['x'] },
          { name: 'a', phrases: ['y'] },
        ],
      }),
    ).toThrow(/already taken/);
  });
});

describe('confidence with the off-topic background', () => {
  const resources = bundledNluResources;
  const nlu = loadNlu(trainNlu(supportBot, resources), resources);
  const plain = loadNlu(trainNlu({ ...supportBot, background: false }, resources), resources);

  it('gives a message unlike anything the bot knows a low confidence, not a confident intent', () => {
    for (const text of ['tell me a joke', 'sing me a song', 'what is 2 plus 2']) {
      const { intent, confidence } = nlu.classify(text, { threshold: 0.5 });
      expect(intent, text).toBeNull();
      expect(confidence, text).toBeLessThan(0.5);
    }
  });

  it('keeps customer wording above the threshold it sends jokes below', () => {
    for (const [text, intent] of [
      ['my parcel still has not come', 'order_status'],
      ['i cannot get into my account', 'password_reset'],
    ] as const) {
      expect(nlu.classify(text, { threshold: 0.5 }).intent, text).toBe(intent);
    }
  });

  it('stores what each threshold does on held-out data, rejection included', () => {
    expect(nlu.thresholdCurve).toHaveLength(19);
    const atHalf = nlu.thresholdCurve.find((point) => point.threshold === 0.5);
    expect(atHalf?.rejected).toBeGreaterThan(0.8);
    expect(atHalf?.understood).toBeGreaterThan(0.6);
    // Without the background (and no out-of-scope phrases) there is nothing to reject.
    expect(plain.thresholdCurve.every((point) => point.rejected === null)).toBe(true);
  });
});
