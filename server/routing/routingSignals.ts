/**
 * What messaging tells routing after its own writes commit: an item was queued, or a
 * conversation's items closed. Routing then offers at once instead of on its next tick.
 */
export interface RoutingSignals {
  queued(orgId: string): void;
  closed(orgId: string): void;
}
