import type { Metadata } from 'next';
import { PageRoleGate } from '@/app/_components/PageRoleGate';
import { SupervisorFloor } from './_floor/SupervisorFloor';
import './supervisor.css';

export const metadata: Metadata = { title: 'Supervisor' };

export default function SupervisorPage() {
  return (
    <PageRoleGate route="/console/supervisor">
      <SupervisorFloor />
    </PageRoleGate>
  );
}
