import type { Clock } from '../engineServices';

export interface FakeClock extends Clock {
  /** Moves time forward, firing every timer that falls due. */
  advance(ms: number): void;
  pendingTimers(): number;
}

export function fakeClock(start = Date.UTC(2025, 0, 15, 9, 0, 0)): FakeClock {
  let now = start;
  let timers: { at: number; callback: () => void }[] = [];
  return {
    now: () => now,
    setTimeout(callback, ms) {
      const timer = { at: now + ms, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((candidate) => candidate !== timer);
      };
    },
    advance(ms) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers = timers.filter((timer) => timer.at > now);
      for (const timer of due) timer.callback();
    },
    pendingTimers: () => timers.length,
  };
}
