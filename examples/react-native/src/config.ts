/**
 * Where the example finds Parley. Expo inlines `EXPO_PUBLIC_*` variables at build time: set them
 * in `.env` (see the README). A phone cannot reach `localhost` on your computer: use its LAN
 * address, e.g. `http://192.168.1.20:3000`.
 */
export const config = {
  parleyUrl: process.env.EXPO_PUBLIC_PARLEY_URL ?? 'http://localhost:3000',
  deploymentId: process.env.EXPO_PUBLIC_PARLEY_DEPLOYMENT ?? 'acme-app',
  /** Your backend's endpoint that signs an identity token for the signed-in user; none: anonymous. */
  identityTokenUrl: process.env.EXPO_PUBLIC_IDENTITY_TOKEN_URL ?? null,
  /** Must match app.json's ios.bundleIdentifier and the deployment's APNs settings. */
  bundleId: 'com.example.parley',
  /** Debug builds get APNs sandbox tokens; TestFlight and App Store builds production ones. */
  apnsEnvironment: process.env.NODE_ENV === 'production' ? 'production' : 'sandbox',
} as const;
