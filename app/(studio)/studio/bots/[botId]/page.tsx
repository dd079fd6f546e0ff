import type { Metadata } from 'next';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canEditBots } from '@/server/auth/roles';
import { BotEditor } from './BotEditor';

export const metadata: Metadata = { title: 'Bot editor' };

export default async function BotEditorPage({ params }: { params: Promise<{ botId: string }> }) {
  const { botId } = await params;
  const user = await currentStaffUser();
  const canEdit = user ? canEditBots(user.role) : false;
  return <BotEditor botId={botId} canEdit={canEdit} />;
}
