import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canEnter, type StaffArea } from '@/server/auth/roles';
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
        <div className="card empty-state" role="alert">
          <h1>You don’t have access to {areaLabel(area)}</h1>
          <p>
            Your role is <strong>{user.role}</strong>. Ask an admin if you need access.
          </p>
        </div>
      )}
    </AppShell>
  );
}
