import type { Metadata } from 'next';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canEditBots } from '@/server/auth/roles';
import { BotsList } from './BotsList';

export const metadata: Metadata = { title: 'Studio' };

export default async function StudioPage() {
  const user = await currentStaffUser();
  return <BotsList canEdit={user ? canEditBots(user.role) : false} />;
}
