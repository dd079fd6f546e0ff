'use client';

import { errorMessage } from '@/app/_trpc/client';

/**
 * Says when the console is not live: while the feed reconnects (it re-reads everything once
 * back), or when it gave up, with a way to try again.
 */
export function FeedStatus({
  feed,
}: {
  feed: { status: 'idle' | 'connecting' | 'pending' | 'error'; error: unknown; reset: () => void };
}) {
  if (feed.status === 'connecting' && feed.error) {
    return (
      <div className="alert alert-warning" role="status">
        Live updates interrupted — reconnecting…
      </div>
    );
  }
  if (feed.status === 'error') {
    return (
      <div className="alert alert-error" role="alert">
        Live updates stopped: {errorMessage(feed.error)}{' '}
        <button type="button" onClick={feed.reset}>
          Reconnect
        </button>
      </div>
    );
  }
  return null;
}
