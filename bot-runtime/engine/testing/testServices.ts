import type { ActionContext, ActionDefinition } from '../../actions/types';
import type { EngineServices } from '../engineServices';
import { type FakeClock, fakeClock } from './fakeClock';

export interface TestServices extends EngineServices {
  clock: FakeClock;
}

/** Services with a fake clock, a fixed "random" and only the actions a test gives. */
export function testServices(
  options: { actions?: ActionDefinition[]; random?: number; mockActions?: boolean } = {},
): TestServices {
  const clock = fakeClock();
  const actions = new Map((options.actions ?? []).map((action) => [action.name, action]));
  return {
    clock,
    random: () => options.random ?? 0,
    actions,
    mockActions: options.mockActions,
    actionContext: (signal): ActionContext => ({
      fetch: () => Promise.reject(new Error('No network in tests')),
      runScript: () => Promise.reject(new Error('No sandbox in tests')),
      secret: () => undefined,
      settings: {},
      signal,
      now: () => clock.now(),
    }),
  };
}
