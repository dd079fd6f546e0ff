/** The demo store's catalogue: enough to look like a shop around the chat widget. */
export const DEMO_PRODUCTS = [
  {
    id: 'trail-backpack',
    name: 'Trail backpack 28 L',
    price: 89,
    blurb: 'Water-resistant, with a padded laptop sleeve.',
    colour: '#2f6f5e',
  },
  {
    id: 'thermo-bottle',
    name: 'Thermo bottle',
    price: 24,
    blurb: 'Keeps coffee hot for 12 hours.',
    colour: '#b5523b',
  },
  {
    id: 'merino-beanie',
    name: 'Merino beanie',
    price: 29,
    blurb: 'Soft, warm and itch-free.',
    colour: '#4b4de6',
  },
  {
    id: 'camp-mug',
    name: 'Enamel camp mug',
    price: 14,
    blurb: 'Dishwasher safe, chip resistant.',
    colour: '#b28a00',
  },
] as const;
