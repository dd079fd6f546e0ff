export { isRetryable, ParleyApiError, ParleyNetworkError } from './apiRequest';
export type { Transport } from './chooseTransport';
export { asyncStorage, memoryStorage } from './conversationStorage';
export {
  createParleyClient,
  type ParleyClient,
  type ParleyClientOptions,
  type StartOptions,
  type StartResult,
} from './createParleyClient';
export { FetchEventSource } from './FetchEventSource';
export { PollingEventSource } from './PollingEventSource';
export { parseNotification } from './parseNotification';
export type { RetryDelays } from './retryDelay';
export type * from './types';
export { type XhrConstructor, XhrEventSource, type XhrLike } from './XhrEventSource';
