import type { Metadata } from 'next';
import { QuickTextsAdmin } from './QuickTextsAdmin';

export const metadata: Metadata = { title: 'Quick texts' };

export default function QuickTextsPage() {
  return <QuickTextsAdmin />;
}
