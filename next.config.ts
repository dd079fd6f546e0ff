import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // A separate build folder lets two builds (e.g. parallel test runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // Native and CommonJS-heavy packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ['better-sqlite3', 'natural', 'quickjs-emscripten'],
  // `npm run lint` runs tsc over the whole repository once; a second check inside every build
  // would only add minutes to start-up on a fresh clone.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
};

export default nextConfig;
