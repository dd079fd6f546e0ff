import { eq, sql } from 'drizzle-orm';
import { builtInActions } from '../../bot-runtime/actions';
import type { ActionDefinition } from '../../bot-runtime/actions/types';
import { runTurn, type SessionState, silenceTimeout } from '../../bot-runtime/engine';
import { type FlowDocument, loadFlow } from '../../bot-runtime/flow';
import { type LoadedNlu, loadNlu } from '../../bot-runtime/nlu';
import type { Db } from '../db/client';
import { botVersions, contacts, deployments } from '../db/schema';
import type { SecretLookup } from '../deployments/deploymentSecrets';
import type {
  BotTurnOutcome,
  BotTurnRunner,
  CustomerInput,
  SessionRow,
} from '../messaging/botTurns';
import { botTurnOutcome } from './botTurnOutcome';
import { misunderstoodTurn } from './misunderstoodTurn';
import { nluResources } from './nluResources';
import { createGuardedFetch } from './runtimeServices/guardedFetch';
import { createScriptSandbox, type ScriptSandbox } from './runtimeServices/scriptSandbox';
import { toTurnInput } from './toTurnInput';

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
  // Prepared once: every turn reads its deployment's current settings.
  private readonly deploymentSettings;
  private readonly contactExternalId;

  private readonly secrets: SecretLookup;
  private readonly storeTraces: boolean;
  private readonly trustedOrigins: readonly string[];
  private readonly now: () => number;

  constructor(
    private readonly db: Db,
    options: {
      secrets?: SecretLookup;
      /** Hand each turn's trace to be stored; off when the operator keeps no traces. */
      storeTraces?: boolean;
      /**
       * Origins the installation serves itself (its public URL, for the demo endpoints): bot
       * actions may reach them on any address but cloud metadata.
       */
      trustedOrigins?: readonly string[];
      now?: () => number;
    } = {},
  ) {
    this.secrets = options.secrets ?? (() => undefined);
    this.storeTraces = options.storeTraces ?? true;
    this.trustedOrigins = options.trustedOrigins ?? [];
    this.now = options.now ?? Date.now;
    this.deploymentSettings = db
      .select({ settings: deployments.settings })
      .from(deployments)
      .where(eq(deployments.id, sql.placeholder('id')))
      .prepare();
    this.contactExternalId = db
      .select({ externalUserId: contacts.externalUserId })
      .from(contacts)
      .where(eq(contacts.id, sql.placeholder('id')))
      .prepare();
  }

  async runTurn(session: SessionRow, input: CustomerInput): Promise<BotTurnOutcome> {
    const version = this.loadVersion(session.botVersionId);
    const settings = this.deploymentSettings.get({ id: session.deploymentId })?.settings;
    const fetch = createGuardedFetch({
      allowHosts: settings?.outboundAllowList ?? [],
      trustedOrigins: this.trustedOrigins,
    });
    const result = await runTurn({
      flow: version.flow,
      nlu: version.nlu,
      state: (session.botState as SessionState | null) ?? null,
      input: toTurnInput(input),
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
          secret: (name) => this.secrets(session.deploymentId, name),
          settings: settings?.actions ?? {},
          // Read only when an action runs: most turns call none.
          verifiedCustomerId: this.verifiedCustomerId(session),
          signal,
          now: this.now,
          variables: {},
        }),
      },
    });
    const outcome: BotTurnOutcome = botTurnOutcome(
      result.outputs,
      result.state,
      result.status,
      version.flow.name,
    );
    // Kept whether or not traces are: the designer's inbox does not depend on trace retention.
    const misunderstood = misunderstoodTurn(result.trace);
    if (misunderstood) outcome.misunderstood = misunderstood;
    return this.storeTraces ? { ...outcome, trace: result.trace } : outcome;
  }

  /** The app's id for the customer, when an identity token the deployment trusts said so. */
  private verifiedCustomerId(session: SessionRow): string | undefined {
    if (!session.identityVerified || !session.contactId) return undefined;
    return this.contactExternalId.get({ id: session.contactId })?.externalUserId;
  }

  silenceTimeout(session: SessionRow) {
    return silenceTimeout(this.loadVersion(session.botVersionId).flow, session.botState);
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
    const version = { flow: loaded.flow, nlu: loadNlu(row.nluModel, nluResources) };
    this.versions.set(versionId, version);
    return version;
  }
}
