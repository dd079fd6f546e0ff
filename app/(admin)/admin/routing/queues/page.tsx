import type { Metadata } from 'next';
import { QueuesAdmin } from './QueuesAdmin';

export const metadata: Metadata = { title: 'Queues' };

export default function QueuesPage() {
  return <QueuesAdmin />;
}
