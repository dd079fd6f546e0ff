import type { ServerResponse } from 'node:http';
import type { EventHub } from '../messaging/eventHub';

/**
 * Long-polling for clients that cannot read a stream (React Native's networking behind a
 * buffering proxy): resolves when an entry after `afterSeq` is published, the wait is over or
 * the client went away. It listens as the customer, so while a poll is held the server counts
 * the conversation as open and sends no push for what the poll will carry. `stop` ends the wait
 * early (the entries were there after all); a wait left running would hold back pushes.
 */
export function waitForEntry(
  hub: EventHub,
  res: ServerResponse,
  options: { sessionId: string; afterSeq: number; waitMs: number },
): { arrived: Promise<void>; stop: () => void } {
  let stop = () => {};
  const arrived = new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      res.off('close', done);
      resolve();
    };
    const unsubscribe = hub.subscribe(
      options.sessionId,
      (event) => {
        if (event.kind === 'entry' && event.entry.seq > options.afterSeq) done();
      },
      'customer',
    );
    const timer = setTimeout(done, options.waitMs);
    res.on('close', done);
    stop = done;
  });
  return { arrived, stop };
}
