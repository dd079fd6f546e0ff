import type { ReactNode } from 'react';
import { AREA_ROLES, canEnter, type StaffArea } from '@/server/auth/roles';
import type { StaffUser } from '@/server/auth/staffAuth';
import { NavLinks } from './NavLinks';
import { SignOutButton } from './SignOutButton';

const AREA_LABELS: Record<StaffArea, string> = {
  studio: 'Studio',
  console: 'Console',
  admin: 'Admin',
  reports: 'Reports',
};

export function AppShell({ user, children }: { user: StaffUser; children: ReactNode }) {
  const links = (Object.keys(AREA_ROLES) as StaffArea[])
    .filter((area) => canEnter(area, user.role))
    .map((area) => ({ href: `/${area}`, label: AREA_LABELS[area] }));
  return (
    <div className="shell">
      <nav className="shell-nav" aria-label="Main">
        <div className="shell-brand">Parley</div>
        <NavLinks links={links} />
        <div className="shell-user">
          <div>{user.name}</div>
          <div className="muted" style={{ color: '#9aa4b5' }}>
            {user.email} · {user.role}
          </div>
          <SignOutButton />
        </div>
      </nav>
      <main className="shell-main">{children}</main>
    </div>
  );
}

export function areaLabel(area: StaffArea) {
  return AREA_LABELS[area];
}
