/**
 * What messaging tells routing after its own writes commit: an item was queued, or a
 * conversation's items closed. Routing then offers at once instead of on its next tick.
 */
export interface RoutingSignals {
  queued(orgId: string): void;
  /** `agentIds`: who held the closed items, and so has room again. */
  closed(orgId: string, agentIds: string[]): void;
}
