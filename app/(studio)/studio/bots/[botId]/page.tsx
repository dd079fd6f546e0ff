import type { Metadata } from 'next';
import { actionRegistry } from '@/bot-runtime/actions';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canEditBots, canEnter } from '@/server/auth/roles';
import type { StaffUser } from '@/server/auth/staffAuth';
import { type BotDraft, getDraft } from '@/server/bots/botDrafts';
import { getDb } from '@/server/db/client';
import { DomainError } from '@/server/errors';
import { BotEditor } from './BotEditor';

export const metadata: Metadata = { title: 'Bot editor' };

export default async function BotEditorPage({ params }: { params: Promise<{ botId: string }> }) {
  const { botId } = await params;
  const user = await currentStaffUser();
  const canEdit = user ? canEditBots(user.role) : false;
  const canRead = user ? canEnter('studio', user.role) : false;
  return (
    <BotEditor
      botId={botId}
      canEdit={canEdit}
      initialDraft={user && canRead ? readDraft(user, botId) : undefined}
      initialActions={canRead ? actionRegistry.list() : undefined}
    />
  );
}

/**
 * The draft goes out with the page, so the canvas draws in the first render instead of after a
 * round trip. A draft that cannot be read is left to the editor's own query, which says why.
 */
function readDraft(user: StaffUser, botId: string): BotDraft | undefined {
  try {
    return getDraft(getDb(), user.orgId, botId);
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}
