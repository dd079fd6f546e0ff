import type { Metadata } from 'next';
import { DeploymentsAdmin } from './DeploymentsAdmin';

export const metadata: Metadata = { title: 'Deployments' };

export default function DeploymentsPage() {
  return <DeploymentsAdmin />;
}
