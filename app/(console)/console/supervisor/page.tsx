import type { Metadata } from 'next';
import { AccessRefused } from '@/app/_components/AccessRefused';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canSupervise } from '@/server/auth/roles';
import { SupervisorFloor } from './_floor/SupervisorFloor';
import './supervisor.css';

export const metadata: Metadata = { title: 'Supervisor' };

export default async function SupervisorPage() {
  const user = await currentStaffUser();
  if (!user) return null;
  if (!canSupervise(user.role)) {
    return <AccessRefused place="the supervisor view" role={user.role} />;
  }
  return <SupervisorFloor />;
}
