import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { deployments, messagingSessions } from '../db/schema';
import { decodePathSegment } from './decodePathSegment';

const UNSCOPED_PATH = /^\/api\/v1\/(conversations|push-registrations(\/[^/]+)?)$/;
const CONVERSATION_PATH = /^\/api\/v1\/conversations\/([^/]+)/;

/**
 * The origins a browser may call a path from: those of the deployment the path belongs to.
 * The statements are prepared once, since every cross-origin request of the widget asks.
 */
export function createAllowedOrigins(db: Db) {
  const byPublicId = db
    .select({ origins: deployments.allowedOrigins })
    .from(deployments)
    .where(eq(deployments.publicId, sql.placeholder('publicId')))
    .prepare();
  const byConversation = db
    .select({ origins: deployments.allowedOrigins })
    .from(messagingSessions)
    .innerJoin(deployments, eq(deployments.id, messagingSessions.deploymentId))
    .where(eq(messagingSessions.id, sql.placeholder('conversationId')))
    .prepare();

  return {
    /** Null when no deployment has that public id. */
    ofDeployment(publicId: string): string[] | null {
      return byPublicId.get({ publicId })?.origins ?? null;
    },

    /**
     * Paths of no deployment (conversation history, push registrations) need a bearer token,
     * which a browser never sends on its own, so any origin may call them.
     */
    ofPath(pathname: string, origin: string): string[] {
      if (UNSCOPED_PATH.test(pathname)) return [origin];
      const conversationId = CONVERSATION_PATH.exec(pathname)?.[1];
      const decoded = conversationId === undefined ? null : decodePathSegment(conversationId);
      if (decoded === null) return [];
      return byConversation.get({ conversationId: decoded })?.origins ?? [];
    },
  };
}
