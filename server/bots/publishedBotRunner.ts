import { eq } from 'drizzle-orm';
import { builtInActions } from '../../bot-runtime/actions';
import type { ActionDefinition } from '../../bot-runtime/actions/types';
import {
  type BotOutput,
  runTurn,
  type SessionState,
  type TurnInput,
} from '../../bot-runtime/engine';
import { type FlowDocument, loadFlow } from '../../bot-runtime/flow';
import { type LoadedNlu, loadNlu } from '../../bot-runtime/nlu';
import type { Db } from '../db/client';
import { botVersions, deployments } from '../db/schema';
import type {
  BotTurnOutcome,
  BotTurnRunner,
  CustomerInput,
  SessionRow,
} from '../messaging/botTurns';
import type { EntryDraft } from '../messaging/conversationEntries';
import { createGuardedFetch } from './runtime-services/guardedFetch';
import { createScriptSandbox, type ScriptSandbox } from './runtime-services/scriptSandbox';

interface LoadedVersion {
  flow: FlowDocument;
  nlu: LoadedNlu;
}

const actionsByName = new Map<string, ActionDefinition>(
  builtInActions.map((action) => [action.name, action]),
);

/**
 * Runs the bot version a session is pinned to. Versions are immutable, so a loaded flow and
 * NLU model are cached by version id for the life of the process.
 */
export class PublishedBotRunner implements BotTurnRunner {
  private readonly versions = new Map<string, LoadedVersion>();
  private readonly sandbox: ScriptSandbox = createScriptSandbox();

  constructor(
    private readonly db: Db,
    private readonly secrets: (name: string) => string | undefined = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  async runTurn(session: SessionRow, input: CustomerInput): Promise<BotTurnOutcome> {
    const version = this.loadVersion(session.botVersionId);
    const deployment = this.db
      .select({ settings: deployments.settings })
      .from(deployments)
      .where(eq(deployments.id, session.deploymentId))
      .get();
    const settings = deployment?.settings;
    const fetch = createGuardedFetch({ allowHosts: settings?.outboundAllowList ?? [] });
    const result = await runTurn({
      flow: version.flow,
      nlu: version.nlu,
      state: (session.botState as SessionState | null) ?? null,
      input: toTurnInput(input, session),
      services: {
        clock: {
          now: this.now,
          setTimeout: (callback, ms) => {
            const timer = setTimeout(callback, ms);
            return () => clearTimeout(timer);
          },
        },
        random: Math.random,
        actions: actionsByName,
        actionContext: (signal) => ({
          fetch: (request) => fetch(request, signal),
          runScript: (source, variables) => this.sandbox.run(source, variables),
          secret: this.secrets,
          settings: settings?.actions ?? {},
          signal,
          now: this.now,
          variables: {},
        }),
      },
    });
    return toOutcome(result.outputs, result.state, result.status, version.flow.name);
  }

  private loadVersion(versionId: string | null): LoadedVersion {
    if (!versionId) throw new Error('The session has no bot version to run.');
    const cached = this.versions.get(versionId);
    if (cached) return cached;
    const row = this.db.select().from(botVersions).where(eq(botVersions.id, versionId)).get();
    if (!row) throw new Error(`Bot version ${versionId} does not exist.`);
    const loaded = loadFlow(row.flow);
    if (!loaded.ok)
      throw new Error(`Bot version ${versionId} does not load: ${loaded.error.message}`);
    const version = { flow: loaded.flow, nlu: loadNlu(row.nluModel) };
    this.versions.set(versionId, version);
    return version;
  }
}

function toTurnInput(input: CustomerInput, session: SessionRow): TurnInput {
  switch (input.type) {
    case 'start':
      return { type: 'start' };
    case 'text':
      return { type: 'text', text: input.text };
    case 'choice':
      return { type: 'choice', value: input.value, ...(input.label ? { label: input.label } : {}) };
    case 'form':
      return { type: 'form', fields: input.fields as Record<string, never> };
    case 'timeout':
      return { type: 'timeout' };
  }
  throw new Error(`Session ${session.id}: unknown input`);
}

function toOutcome(
  outputs: BotOutput[],
  state: SessionState,
  status: BotTurnOutcome['status'],
  botName: string,
): BotTurnOutcome {
  const bot = { actorType: 'bot' as const, actorName: botName };
  const entries: EntryDraft[] = [];
  let handoff: BotTurnOutcome['handoff'];
  let csat: BotTurnOutcome['csat'];
  for (const output of outputs) {
    if (output.type === 'text') {
      entries.push(
        output.quickReplies.length > 0
          ? {
              ...bot,
              type: 'quick_replies',
              payload: {
                text: output.text,
                options: output.quickReplies.map((reply) => ({
                  label: reply.label,
                  value: reply.value || reply.label,
                })),
              },
            }
          : { ...bot, type: 'text', payload: { text: output.text } },
      );
    } else if (output.type === 'image') {
      entries.push({ ...bot, type: 'image', payload: { url: output.url, alt: output.alt } });
    } else if (output.type === 'cards') {
      entries.push({ ...bot, type: 'cards', payload: { cards: output.cards } });
    } else if (output.type === 'handoff') {
      handoff = {
        queue: output.handoff.queue,
        skills: output.handoff.skills.map(({ skill, level }) => ({ skill, minLevel: level })),
        priority: output.handoff.priority,
        details: {
          summary: output.handoff.summary,
          intent: output.handoff.intent,
          variables: output.handoff.variables,
        },
      };
    } else if (output.type === 'end' && output.csat) {
      csat = { score: output.csat.rating, comment: output.csat.comment };
    }
  }
  return { entries, state, status, handoff, csat };
}
