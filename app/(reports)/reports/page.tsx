import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ReportsView } from './_view/ReportsView';
import './reports.css';

export const metadata: Metadata = { title: 'Reports' };

/** The Reports area's layout lets in admins and supervisors only; the view reads the URL. */
export default function ReportsPage() {
  return (
    <Suspense>
      <ReportsView />
    </Suspense>
  );
}
