import type { Metadata } from 'next';
import { PresenceStatusesAdmin } from './PresenceStatusesAdmin';

export const metadata: Metadata = { title: 'Presence statuses' };

export default function PresenceStatusesPage() {
  return <PresenceStatusesAdmin />;
}
