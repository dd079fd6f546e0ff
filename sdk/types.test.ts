import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  conversationStartedSchema,
  conversationSummarySchema,
  pushRegistrationBody,
  pushRegistrationSchema,
} from '../contract/conversations';
import type {
  Entry as ContractEntry,
  EntryType as ContractEntryType,
  entrySchema,
  readEventSchema,
  typingEventSchema,
} from '../contract/entries';
import type {
  PrechatField as ContractPrechatField,
  WebPushConfig as ContractWebPushConfig,
} from '../contract/prechat';
import type {
  Actor,
  ConversationStarted,
  ConversationStatus,
  ConversationSummary,
  Entry,
  EntryType,
  PrechatField,
  PushRegistration,
  PushRegistrationInput,
  ReadEvent,
  TypingEvent,
  WebPushConfig,
} from './types';

// The assertions are checked by `tsc` (npm run lint); at run time they are no-ops.
describe("the SDK's types", () => {
  it('are the API contract’s, written out', () => {
    expectTypeOf<Entry>().toEqualTypeOf<ContractEntry>();
    expectTypeOf<EntryType>().toEqualTypeOf<ContractEntryType>();
    expectTypeOf<Actor>().toEqualTypeOf<z.infer<typeof entrySchema>['actor']>();
    expectTypeOf<PrechatField>().toEqualTypeOf<ContractPrechatField>();
    expectTypeOf<ConversationStarted>().toEqualTypeOf<z.infer<typeof conversationStartedSchema>>();
    expectTypeOf<ConversationStatus>().toEqualTypeOf<
      z.infer<typeof conversationStartedSchema>['status']
    >();
    expectTypeOf<ConversationSummary>().toEqualTypeOf<z.infer<typeof conversationSummarySchema>>();
    expectTypeOf<PushRegistrationInput>().toEqualTypeOf<z.infer<typeof pushRegistrationBody>>();
    expectTypeOf<PushRegistration>().toEqualTypeOf<z.infer<typeof pushRegistrationSchema>>();
    expectTypeOf<WebPushConfig>().toEqualTypeOf<ContractWebPushConfig>();
    expectTypeOf<TypingEvent>().toEqualTypeOf<z.infer<typeof typingEventSchema>>();
    expectTypeOf<ReadEvent>().toEqualTypeOf<z.infer<typeof readEventSchema>>();
  });
});
