import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { deployments, pushSettings } from '../db/schema';
import { deploymentInOrg } from '../deployments/deploymentCatalog';
import type { PushMessage } from '../push/providers/types';
import { buildPushMessage } from '../push/pushMessage';

/**
 * A preview has no conversation row, so its notifications collapse under this stand-in for
 * the conversation id a real one would carry.
 */
export const PREVIEW_CONVERSATION_ID = 'preview';

/**
 * Whose settings the notification follows: none chosen (the defaults), or a deployment whose
 * push is on, off, or was never set up (which sends nothing, like off).
 */
export type PreviewPushStatus = 'defaults' | 'on' | 'off' | 'notSetUp';

export interface PreviewNotification {
  /** The notification exactly as the push pipeline hands it to APNs, FCM or Web Push. */
  message: PushMessage;
  deployment: { id: string; name: string } | null;
  pushStatus: PreviewPushStatus;
  /** The deployment keeps replies' text off the lock screen: the body is the private one. */
  textPrivate: boolean;
}

/** A reply as the pipeline reads it: who sent it and what, and where it sits in the chat. */
export interface PreviewReply {
  actorName: string;
  entryType: string;
  payload: Record<string, unknown>;
  seq: number;
}

const DEFAULT_SETTINGS = { enabled: true, showText: true, title: null };

/**
 * The notification a backgrounded app would get for a reply, under the push settings of one of
 * the org's deployments or, with none chosen, the defaults (the replier's name, the text
 * shown). Another org's deployment answers like a missing one.
 */
export function previewNotification(
  db: Db,
  orgId: string,
  deploymentId: string | undefined,
  reply: PreviewReply,
  now: Date,
): PreviewNotification {
  const deployment = deploymentId
    ? deploymentInOrg(db, orgId, deploymentId, { id: deployments.id, name: deployments.name })
    : null;
  const stored = deployment
    ? db
        .select({
          enabled: pushSettings.enabled,
          showText: pushSettings.showText,
          title: pushSettings.title,
        })
        .from(pushSettings)
        .where(eq(pushSettings.deploymentId, deployment.id))
        .get()
    : undefined;
  const settings = stored ?? DEFAULT_SETTINGS;
  return {
    message: buildPushMessage(settings, PREVIEW_CONVERSATION_ID, { ...reply, createdAt: now }),
    deployment,
    pushStatus: !deployment ? 'defaults' : !stored ? 'notSetUp' : stored.enabled ? 'on' : 'off',
    textPrivate: !settings.showText,
  };
}
