import type { ReactNode } from 'react';
import { AdminNav } from './AdminNav';

export default function AdminSectionLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
