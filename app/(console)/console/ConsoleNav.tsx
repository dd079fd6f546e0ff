'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { href: '/console', label: 'Conversations' },
  { href: '/console/supervisor', label: 'Supervisor' },
];

export function ConsoleNav() {
  const pathname = usePathname();
  return (
    <nav className="subnav" aria-label="Console">
      {SECTIONS.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={pathname === section.href ? 'page' : undefined}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
