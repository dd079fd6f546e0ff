import type { Db } from '../db/client';
import type { WorkItem } from './workItem';

/** Work to do once the write that asked for it has committed: publish entries, notify. */
export type AfterCommit = () => void;

export interface JoiningAgent {
  id: string;
  name: string;
}

/**
 * What routing needs done to the conversation around a work item. Messaging implements it, so
 * routing never imports messaging: each call runs inside routing's own write (a session is
 * never active without its accepted item, nor the other way round) and returns what to publish
 * once that write commits.
 */
export interface SessionHandover {
  /** The agent accepted: the session becomes theirs and the customer hears who joined. */
  agentJoined(db: Db, item: WorkItem, agent: JoiningAgent, at: Date): AfterCommit;
  /** The agent gave the item back (transfer, no reply, went offline): the session waits again. */
  agentLeft(db: Db, item: WorkItem, agent: JoiningAgent, reason: string, at: Date): AfterCommit;
  /** The customer's place in line changed; written at most every few seconds per session. */
  queuePosition(
    db: Db,
    item: WorkItem,
    position: number,
    estimatedWaitSeconds: number,
    at: Date,
  ): AfterCommit;
}
