import type { Metadata } from 'next';
import { AgentsAdmin } from './AgentsAdmin';

export const metadata: Metadata = { title: 'Agents' };

export default function AgentsPage() {
  return <AgentsAdmin />;
}
