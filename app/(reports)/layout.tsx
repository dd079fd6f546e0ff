import type { ReactNode } from 'react';
import { AreaLayout } from '@/app/_components/AreaLayout';

export const dynamic = 'force-dynamic';

export default function Layout({ children }: { children: ReactNode }) {
  return <AreaLayout area="reports">{children}</AreaLayout>;
}
