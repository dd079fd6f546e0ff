import type { DeploymentPush } from './pushSettings';

/**
 * Remembers each deployment's push settings and opened keys for a few seconds: the worker asks
 * for every notification it sends, and a burst to one deployment should not decrypt its keys
 * per message. An admin's change is in effect within `ttlMs`.
 */
export function cacheDeploymentPush(
  load: (deploymentId: string) => DeploymentPush | null,
  ttlMs = 5_000,
  now: () => number = Date.now,
): (deploymentId: string) => DeploymentPush | null {
  const cached = new Map<string, { value: DeploymentPush | null; until: number }>();
  return (deploymentId) => {
    const hit = cached.get(deploymentId);
    if (hit && hit.until > now()) return hit.value;
    const value = load(deploymentId);
    cached.set(deploymentId, { value, until: now() + ttlMs });
    return value;
  };
}
