import type { ReactNode } from 'react';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canOpenPage, PAGE_ROLES } from '@/server/auth/roles';
import { AccessRefused } from './AccessRefused';

/**
 * Guards a page that fewer roles may open than its area (PAGE_ROLES); the area's layout has
 * already sent signed-out visitors to sign in.
 */
export async function PageRoleGate({ route, children }: { route: string; children: ReactNode }) {
  const user = await currentStaffUser();
  if (!user) return null;
  if (canOpenPage(route, user.role)) return children;
  return <AccessRefused place={PAGE_ROLES[route]?.label ?? 'this page'} role={user.role} />;
}
