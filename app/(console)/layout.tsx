import type { ReactNode } from 'react';
import { AreaLayout } from '@/app/_components/AreaLayout';
import './console.css';

export const dynamic = 'force-dynamic';

export default function Layout({ children }: { children: ReactNode }) {
  return <AreaLayout area="console">{children}</AreaLayout>;
}
