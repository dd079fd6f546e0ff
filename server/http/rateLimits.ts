import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { HttpError } from './httpError';

export interface RateLimitSettings {
  /** Requests per second one deployment may make, all its customers together. */
  deploymentPerSecond: number;
  /** Requests per minute on one conversation. */
  conversationPerMinute: number;
}

/** Per-deployment and per-conversation limits for the public API, answered with 429. */
export class ApiRateLimits {
  private readonly perDeployment: RateLimiterMemory;
  private readonly perConversation: RateLimiterMemory;

  constructor(settings: RateLimitSettings) {
    this.perDeployment = new RateLimiterMemory({
      points: settings.deploymentPerSecond,
      duration: 1,
    });
    this.perConversation = new RateLimiterMemory({
      points: settings.conversationPerMinute,
      duration: 60,
    });
  }

  async check(deploymentId: string, conversationId?: string) {
    await consume(this.perDeployment, deploymentId, 'this deployment');
    if (conversationId) await consume(this.perConversation, conversationId, 'this conversation');
  }
}

async function consume(limiter: RateLimiterMemory, key: string, what: string) {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new HttpError(
      429,
      'RATE_LIMITED',
      `Too many requests for ${what}; retry in ${seconds} s.`,
      {
        'retry-after': String(seconds),
      },
    );
  }
}
