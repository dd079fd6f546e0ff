import type { ReactNode } from 'react';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canOpenPage } from '@/server/auth/roles';
import { ConsoleNav } from './ConsoleNav';

/** The console's pages; the supervisor view is in the nav only for those who may open it. */
export default async function ConsoleSectionLayout({ children }: { children: ReactNode }) {
  const user = await currentStaffUser();
  return (
    <>
      {user && canOpenPage('/console/supervisor', user.role) && <ConsoleNav />}
      {children}
    </>
  );
}
