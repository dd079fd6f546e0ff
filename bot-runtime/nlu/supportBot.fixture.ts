import type { NluTrainingSet } from './schema';

/** A small customer-support bot, as a designer would type it in the studio. */
export const supportBot: NluTrainingSet = {
  language: 'en',
  intents: [
    {
      name: 'order_status',
      phrases: [
        'where is my order',
        'track my package',
        'has my order shipped yet',
        'what is the status of order A1001',
        'my parcel has not arrived',
        'when will my delivery come',
        'I want to know where my order is',
      ],
    },
    {
      name: 'password_reset',
      phrases: [
        'I forgot my password',
        'reset my password please',
        'I cannot log in to my account',
        'how do I change my password',
        'my login does not work',
        'locked out of my account',
      ],
    },
    {
      name: 'talk_to_human',
      phrases: [
        'let me talk to a person',
        'I want a human agent',
        'connect me with customer service',
        'can I speak to someone real',
        'get me a representative',
        'operator please',
      ],
    },
    {
      name: 'returns',
      phrases: [
        'how do I return an item',
        'I want to send this back',
        'what is your return policy',
        'can I get a refund',
        'the product is broken and I want my money back',
        'exchange a wrong size',
      ],
    },
  ],
  entities: [
    { kind: 'regex', name: 'orderNumber', pattern: '\\b[A-Z]\\d{4}\\b', flags: 'i' },
    {
      kind: 'list',
      name: 'shippingMethod',
      values: [
        { value: 'express', synonyms: ['next day', 'overnight', 'fast shipping'] },
        { value: 'standard', synonyms: ['regular', 'normal delivery'] },
      ],
    },
  ],
};
