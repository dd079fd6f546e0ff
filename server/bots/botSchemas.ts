import { z } from 'zod';
import { sessionStateSchema } from '../../bot-runtime/engine';
import { identifierSchema } from '../../bot-runtime/flow/identifier';
import { jsonValueSchema } from '../../bot-runtime/flow/json';
import { pageInput } from '../pagination';
import { BOT_TEMPLATES } from './botTemplates';

const botId = z.string().min(1);
const botName = z.string().trim().min(1, 'Give the bot a name.').max(120);

export const botIdInput = z.object({ botId });

export const listBotsInput = pageInput;

export const createBotInput = z.object({
  name: botName,
  template: z.enum(BOT_TEMPLATES).default('blank'),
});

export const renameBotInput = z.object({ botId, name: botName });

export const saveDraftInput = z.object({
  botId,
  /** The revision the editor started from; a save over someone else's newer one is refused. */
  baseRevision: z.number().int().min(1),
  document: z.unknown(),
  /** Set only after the person saw the conflict and chose to replace the other edits. */
  overwrite: z.boolean().default(false),
});

export const publishDraftInput = z.object({ botId, note: z.string().trim().max(500).default('') });

export const tryNluInput = z.object({
  botId,
  /** The document being edited, so unsaved phrases count; the saved draft when left out. */
  document: z.unknown().optional(),
  text: z.string().trim().min(1, 'Type a sentence to try.').max(1000),
});

export const versionInput = z.object({ botId, versionId: z.string().min(1) });

export const restoreDraftInput = z.object({
  botId,
  versionId: z.string().min(1),
  baseRevision: z.number().int().min(1),
});

export const importBotInput = z.object({
  /** The file's text as chosen by the person, parsed on the server so errors carry lines. */
  text: z.string().min(1, 'The file is empty.').max(5_000_000, 'The file is larger than 5 MB.'),
  name: botName.optional(),
});

export const setLiveVersionInput = z.object({
  deploymentId: z.string().min(1),
  botId,
  versionId: z.string().min(1),
});

/** What the person did in the preview chat; `clientMessageId` lets the chat match its echo. */
export const previewInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start') }),
  z.object({
    type: z.literal('text'),
    text: z.string().trim().min(1, 'Type a message.').max(4000),
    clientMessageId: z.string().max(100).optional(),
  }),
  z.object({
    type: z.literal('choice'),
    value: z.string().min(1).max(1000),
    label: z.string().max(1000).optional(),
    clientMessageId: z.string().max(100).optional(),
  }),
  z.object({
    type: z.literal('form'),
    fields: z.record(z.string(), jsonValueSchema),
    clientMessageId: z.string().max(100).optional(),
  }),
  /** Rehearsals of what routing or an agent would do: nobody can come, or a hand-back. */
  z.object({ type: z.literal('noAgent') }),
  z.object({ type: z.literal('returned') }),
]);
export type PreviewInput = z.output<typeof previewInputSchema>;

/** A preview conversation between turns, kept by the studio: the server remembers nothing. */
export const previewStateSchema = z.object({
  session: sessionStateSchema,
  /** The seq of the last entry shown, so the next turn's entries continue after it. */
  lastSeq: z.number().int().min(0),
});
export type PreviewState = z.output<typeof previewStateSchema>;

/**
 * How a preview conversation begins, read when it starts: at a node other than the start node,
 * with some of the flow's variables already set (over their defaults).
 */
export const previewStartSchema = z.object({
  nodeId: z.string().min(1).max(200).optional(),
  variables: z.record(identifierSchema, jsonValueSchema).optional(),
});
export type PreviewStart = z.output<typeof previewStartSchema>;

/**
 * Who the preview customer is: a contact of the org, or a customer id typed as the app would
 * sign it. Either way the turn runs as that verified customer.
 */
export const previewCustomerSchema = z.union([
  z.object({ contactId: z.string().min(1).max(100) }),
  z.object({ customerId: z.string().trim().min(1, 'Type the customer id.').max(200) }),
]);
export type PreviewCustomer = z.output<typeof previewCustomerSchema>;

export const previewTurnInput = z.object({
  botId,
  /** The document being edited, unsaved edits included; not read when a version is chosen. */
  document: z.unknown(),
  /** A published version to preview instead of the document. */
  versionId: z.string().min(1).max(100).optional(),
  /** What the previous turn returned; null starts a new conversation. */
  state: previewStateSchema.nullable(),
  input: previewInputSchema,
  start: previewStartSchema.optional(),
  customer: previewCustomerSchema.optional(),
  /** Actions call this deployment's endpoints with its secrets instead of their mocks. */
  realServices: z.object({ deploymentId: z.string().min(1).max(100) }).optional(),
  /**
   * The customer's app is in the background: a reply no customer message caused comes back as
   * the notification it would become, under this deployment's push settings (none: defaults).
   */
  background: z.object({ deploymentId: z.string().min(1).max(100).optional() }).optional(),
});

/** A reply rehearsed as an agent's, shown as the notification a backgrounded app would get. */
export const previewNotificationInput = z.object({
  /** Whose push settings apply; the defaults when left out. */
  deploymentId: z.string().min(1).max(100).optional(),
  actorName: z.string().trim().min(1, 'Name who replies.').max(200),
  text: z.string().trim().min(1, 'Type the reply.').max(4000),
  /** Where the reply would sit in the conversation, which the app opens at. */
  seq: z.number().int().min(1).default(1),
});

export const previewContactsInput = pageInput;

export const previewDeploymentsInput = pageInput;
