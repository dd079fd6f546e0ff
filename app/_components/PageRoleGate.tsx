import type { ReactNode } from 'react';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canOpenPage, PAGE_ROLES } from '@/server/auth/roles';

/**
 * Guards a page that fewer roles may open than its area (PAGE_ROLES); the area's layout has
 * already sent signed-out visitors to sign in.
 */
export async function PageRoleGate({ route, children }: { route: string; children: ReactNode }) {
  const user = await currentStaffUser();
  if (user && canOpenPage(route, user.role)) return children;
  return (
    <div className="card empty-state" role="alert">
      <h1>You don’t have access to {PAGE_ROLES[route]?.label ?? 'this page'}</h1>
      <p>
        Your role is <strong>{user?.role ?? 'unknown'}</strong>. Ask an admin if you need access.
      </p>
    </div>
  );
}
