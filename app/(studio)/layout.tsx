import type { ReactNode } from 'react';
import { AreaLayout } from '@/app/_components/AreaLayout';
import './studio.css';

export const dynamic = 'force-dynamic';

export default function Layout({ children }: { children: ReactNode }) {
  return <AreaLayout area="studio">{children}</AreaLayout>;
}
