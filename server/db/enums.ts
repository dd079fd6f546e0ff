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
