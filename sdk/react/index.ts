export type { ConversationView } from './followConversation';
export {
  type ParleyConversation,
  type UseParleyConversationOptions,
  useParleyConversation,
} from './useParleyConversation';
