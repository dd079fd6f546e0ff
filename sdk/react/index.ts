export { type AppStateLike, followAppState } from './followAppState';
export type { ConversationView } from './followConversation';
export {
  ParleyProvider,
  type ParleyProviderProps,
  useConversation,
  useParley,
} from './ParleyProvider';
export {
  type ParleyConversation,
  type UseParleyConversationOptions,
  useParleyConversation,
} from './useParleyConversation';
