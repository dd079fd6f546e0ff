import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canEnter, type StaffArea } from '@/server/auth/roles';
import { AccessRefused } from './AccessRefused';
import { AppShell, areaLabel } from './AppShell';

/** Guards a staff area: signed-out visitors go to sign-in, other roles see why they cannot enter. */
export async function AreaLayout({ area, children }: { area: StaffArea; children: ReactNode }) {
  const user = await currentStaffUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(`/${area}`)}`);
  return (
    <AppShell user={user}>
      {canEnter(area, user.role) ? (
        children
      ) : (
        <AccessRefused place={areaLabel(area)} role={user.role} />
      )}
    </AppShell>
  );
}
