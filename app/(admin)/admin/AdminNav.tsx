'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/deployments', label: 'Deployments' },
  { href: '/admin/routing', label: 'Routing' },
  { href: '/admin/push-deliveries', label: 'Push deliveries' },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav className="subnav" aria-label="Admin">
      {SECTIONS.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={pathname.startsWith(section.href) ? 'page' : undefined}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
