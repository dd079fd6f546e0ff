import type { Metadata } from 'next';
import { PushDeliveriesAdmin } from './PushDeliveriesAdmin';

export const metadata: Metadata = { title: 'Push deliveries' };

export default function PushDeliveriesPage() {
  return <PushDeliveriesAdmin />;
}
