/**
 * Value sets stored in enum-like columns. Kept free of drizzle imports so browser code can use
 * them without pulling the database layer into its bundle.
 */

export const STAFF_ROLES = ['admin', 'designer', 'supervisor', 'agent', 'qa'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CHANNELS = ['in_app', 'web'] as const;
export type Channel = (typeof CHANNELS)[number];

export const IDENTITY_MODES = ['none', 'optional', 'required'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

export const IDENTITY_ALGORITHMS = ['HS256', 'RS256', 'ES256'] as const;
export type IdentityAlgorithm = (typeof IDENTITY_ALGORITHMS)[number];

export const ROUTING_MODELS = ['most_available', 'least_active'] as const;
export type RoutingModel = (typeof ROUTING_MODELS)[number];

/** What a hand-off does when capable agents exist but none of them is taking work right now. */
export const WHEN_NONE_ONLINE = ['wait', 'no_agent'] as const;
export type WhenNoneOnline = (typeof WHEN_NONE_ONLINE)[number];

export const PRESENCE_STATUSES = ['offline', 'online', 'busy', 'away'] as const;
export type Presence = (typeof PRESENCE_STATUSES)[number];
