import type { Metadata } from 'next';
import { SkillsAdmin } from './SkillsAdmin';

export const metadata: Metadata = { title: 'Skills' };

export default function SkillsPage() {
  return <SkillsAdmin />;
}
