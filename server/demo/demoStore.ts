import type { KnowledgeArticle } from '../../bot-runtime/actions/types';

/** The demo store's back office, so the demo bot's actions have something real to call. */
export const DEMO_ORDERS: Record<
  string,
  { status: string; estimatedDelivery?: string; trackingUrl?: string }
> = {
  A1001: {
    status: 'shipped',
    estimatedDelivery: 'Friday',
    trackingUrl: 'https://tracking.example/A1001',
  },
  A1002: { status: 'processing', estimatedDelivery: 'next week' },
  A1003: { status: 'delivered' },
  A1004: { status: 'cancelled' },
};

export const DEMO_KNOWLEDGE_BASE: KnowledgeArticle[] = [
  {
    id: 'shipping',
    question: 'How long does shipping take and how much does delivery cost?',
    answer:
      'Standard shipping takes 3–5 business days and is free over $50; express delivery arrives next business day for $9.',
  },
  {
    id: 'returns',
    question: 'How do I return an item and get a refund?',
    answer:
      'You can return any item within 30 days. Start a return from your order page; refunds reach your card 5 days after we receive the parcel.',
  },
  {
    id: 'hours',
    question: 'What are your opening hours? When is customer support open?',
    answer: 'Our support team is available Monday to Friday, 8am–8pm, and Saturday 9am–5pm (CET).',
  },
];
