export { isRetryable, ParleyApiError, ParleyNetworkError } from './apiRequest';
export { memoryStorage } from './conversationStorage';
export {
  createParleyClient,
  type ParleyClient,
  type ParleyClientOptions,
  type StartOptions,
  type StartResult,
} from './createParleyClient';
export { FetchEventSource } from './FetchEventSource';
export type { RetryDelays } from './retryDelay';
export type * from './types';
