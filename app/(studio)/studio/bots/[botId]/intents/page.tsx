import type { Metadata } from 'next';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canEditBots } from '@/server/auth/roles';
import { IntentsEditor } from './IntentsEditor';

export const metadata: Metadata = { title: 'Intents and entities' };

export default async function IntentsPage({ params }: { params: Promise<{ botId: string }> }) {
  const { botId } = await params;
  const user = await currentStaffUser();
  const canEdit = user ? canEditBots(user.role) : false;
  return <IntentsEditor botId={botId} canEdit={canEdit} />;
}
