'use client';

import { formatDuration, secondsLeft } from '../_live/countdown';
import { useNow } from '../_live/useNow';

/** Time left to answer an offer; the last ten seconds stand out. */
export function OfferCountdown({ expiresAt }: { expiresAt: Date | null }) {
  const now = useNow();
  if (!expiresAt) return null;
  const left = secondsLeft(expiresAt, now);
  return (
    <span
      className={`offer-countdown${left <= 10 ? ' offer-countdown-urgent' : ''}`}
      role="timer"
      aria-label={`${left} seconds left to answer`}
    >
      {left > 0 ? formatDuration(left) : 'Expiring…'}
    </span>
  );
}
