import type { ReactNode } from 'react';
import { NavLinks } from '@/app/_components/NavLinks';

const SECTIONS = [
  { href: '/admin/routing/queues', label: 'Queues' },
  { href: '/admin/routing/skills', label: 'Skills' },
  { href: '/admin/routing/agents', label: 'Agents' },
  { href: '/admin/routing/presence', label: 'Presence statuses' },
  { href: '/admin/routing/quick-texts', label: 'Quick texts' },
  { href: '/admin/routing/settings', label: 'Settings' },
];

export default function RoutingLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <nav className="subnav" aria-label="Routing">
        <NavLinks links={SECTIONS} />
      </nav>
      {children}
    </>
  );
}
