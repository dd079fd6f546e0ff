import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { actionRegistry } from '@/bot-runtime/actions';
import { validateFlow } from '@/bot-runtime/flow';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { canEditBots, canEnter } from '@/server/auth/roles';
import type { StaffUser } from '@/server/auth/staffAuth';
import { type BotDraft, getDraft } from '@/server/bots/botDrafts';
import { getDb } from '@/server/db/client';
import { DomainError } from '@/server/errors';
import { CANVAS_SIZE_COOKIE, parseCanvasSize } from './_canvas/canvasSize';
import { BotEditor } from './BotEditor';

export const metadata: Metadata = { title: 'Bot editor' };

export default async function BotEditorPage({ params }: { params: Promise<{ botId: string }> }) {
  const { botId } = await params;
  const user = await currentStaffUser();
  const canEdit = user ? canEditBots(user.role) : false;
  const canRead = user ? canEnter('studio', user.role) : false;
  const draft = user && canRead ? readDraft(user, botId) : undefined;
  const actions = canRead ? actionRegistry.list() : undefined;
  // Checked here so the page arrives with the problems marked and the browser need not check a
  // large flow while it opens.
  const issues =
    draft && actions
      ? validateFlow(draft.document, { knownActions: actions.map((action) => action.name) })
      : undefined;
  const canvasSize = parseCanvasSize((await cookies()).get(CANVAS_SIZE_COOKIE)?.value);
  return (
    <BotEditor
      botId={botId}
      canEdit={canEdit}
      initialDraft={draft}
      initialActions={actions}
      initialIssues={issues}
      canvasSize={canvasSize}
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
