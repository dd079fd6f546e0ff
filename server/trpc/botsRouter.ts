import { actionRegistry } from '../../bot-runtime/actions';
import {
  createBot,
  deleteBot,
  duplicateBot,
  getBot,
  listBots,
  renameBot,
} from '../bots/botCatalog';
import { getDraft, saveDraft } from '../bots/botDrafts';
import {
  botIdInput,
  createBotInput,
  importBotInput,
  listBotsInput,
  previewContactsInput,
  previewDeploymentsInput,
  previewNotificationInput,
  previewTurnInput,
  publishDraftInput,
  renameBotInput,
  restoreDraftInput,
  saveDraftInput,
  setLiveVersionInput,
  tryNluInput,
  versionInput,
} from '../bots/botSchemas';
import {
  createTestCase,
  deleteTestCase,
  listTestCases,
  updateTestCase,
} from '../bots/botTestCases';
import { exportBot, importBot } from '../bots/botTransfer';
import {
  getVersion,
  listVersions,
  publishDraft,
  restoreDraftFromVersion,
} from '../bots/botVersions';
import { listLiveVersions, setLiveVersion } from '../bots/liveVersions';
import { previewNotification } from '../bots/previewNotification';
import { previewDeployments } from '../bots/previewServices';
import { previewTurn } from '../bots/previewTurn';
import { runBotTests } from '../bots/runBotTests';
import {
  createTestCaseInput,
  deleteTestCaseInput,
  runTestsInput,
  testCasesInput,
  updateTestCaseInput,
} from '../bots/testCaseSchemas';
import { tryNlu } from '../bots/tryNlu';
import { listContacts } from '../contacts/contactDirectory';
import { deriveSecretsKey } from '../deployments/secretCipher';
import { getEnv } from '../env';
import { router, staffProcedure } from './trpc';

/** QA opens, reads and previews bots; only admins and designers change them. */

const liveConfig = () => {
  const env = getEnv();
  return { secretsKey: deriveSecretsKey(env.nextAuthSecret), trustedOrigins: env.trustedOrigins };
};

export const botsRouter = router({
  list: staffProcedure
    .input(listBotsInput)
    .query(({ ctx, input }) => listBots(ctx.db, ctx.user.orgId, input)),
  byId: staffProcedure
    .input(botIdInput)
    .query(({ ctx, input }) => getBot(ctx.db, ctx.user.orgId, input.botId)),
  /** The actions a flow can call, with their input and result fields, for the inspector. */
  actions: staffProcedure.query(() => actionRegistry.list()),
  create: staffProcedure
    .input(createBotInput)
    .mutation(({ ctx, input }) => createBot(ctx.db, ctx.user, input)),
  rename: staffProcedure
    .input(renameBotInput)
    .mutation(({ ctx, input }) => renameBot(ctx.db, ctx.user, input.botId, input.name)),
  duplicate: staffProcedure
    .input(botIdInput)
    .mutation(({ ctx, input }) => duplicateBot(ctx.db, ctx.user, input.botId)),
  delete: staffProcedure
    .input(botIdInput)
    .mutation(({ ctx, input }) => deleteBot(ctx.db, ctx.user, input.botId)),
  export: staffProcedure
    .input(botIdInput)
    .query(({ ctx, input }) => exportBot(ctx.db, ctx.user.orgId, input.botId)),
  import: staffProcedure
    .input(importBotInput)
    .mutation(({ ctx, input }) => importBot(ctx.db, ctx.user, input)),
  draft: staffProcedure
    .input(botIdInput)
    .query(({ ctx, input }) => getDraft(ctx.db, ctx.user.orgId, input.botId)),
  saveDraft: staffProcedure
    .input(saveDraftInput)
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.user, input)),
  /** Trains on the given phrases and classifies one sentence; QA may try as well. */
  tryNlu: staffProcedure
    .input(tryNluInput)
    .mutation(({ ctx, input }) => tryNlu(ctx.db, ctx.user.orgId, input)),
  /** One turn of a chat with the document being edited or a version; QA previews as well. */
  previewTurn: staffProcedure
    .input(previewTurnInput)
    .mutation(({ ctx, input }) => previewTurn(ctx.db, ctx.user, input, { liveConfig })),
  /** The org's contacts, for the preview to run as one of them. */
  previewContacts: staffProcedure
    .input(previewContactsInput)
    .query(({ ctx, input }) => listContacts(ctx.db, ctx.user.orgId, input)),
  /** The notification a backgrounded app would get for an agent's reply; QA rehearses it too. */
  previewNotification: staffProcedure.input(previewNotificationInput).query(({ ctx, input }) =>
    previewNotification(
      ctx.db,
      ctx.user.orgId,
      input.deploymentId,
      {
        actorName: input.actorName,
        entryType: 'text',
        payload: { text: input.text },
        seq: input.seq,
      },
      new Date(),
    ),
  ),
  /** The org's deployments by name: real services for designers, push settings for everyone. */
  previewDeployments: staffProcedure
    .input(previewDeploymentsInput)
    .query(({ ctx, input }) => previewDeployments(ctx.db, ctx.user.orgId, input)),
  versions: staffProcedure
    .input(botIdInput)
    .query(({ ctx, input }) => listVersions(ctx.db, ctx.user.orgId, input.botId)),
  version: staffProcedure
    .input(versionInput)
    .query(({ ctx, input }) => getVersion(ctx.db, ctx.user.orgId, input.botId, input.versionId)),
  publish: staffProcedure
    .input(publishDraftInput)
    .mutation(({ ctx, input }) => publishDraft(ctx.db, ctx.user, input)),
  restoreDraft: staffProcedure
    .input(restoreDraftInput)
    .mutation(({ ctx, input }) => restoreDraftFromVersion(ctx.db, ctx.user, input)),
  liveVersions: staffProcedure.query(({ ctx }) => listLiveVersions(ctx.db, ctx.user.orgId)),
  setLiveVersion: staffProcedure
    .input(setLiveVersionInput)
    .mutation(({ ctx, input }) => setLiveVersion(ctx.db, ctx.user, input)),
  /** The bot's test cases with their latest results on the draft; what publishing shows. */
  testCases: staffProcedure
    .input(testCasesInput)
    .query(({ ctx, input }) => listTestCases(ctx.db, ctx.user.orgId, input.botId)),
  /** QA saves and edits test cases too: they test the bot, they do not change it. */
  createTestCase: staffProcedure
    .input(createTestCaseInput)
    .mutation(({ ctx, input }) => createTestCase(ctx.db, ctx.user, input.botId, input.testCase)),
  updateTestCase: staffProcedure
    .input(updateTestCaseInput)
    .mutation(({ ctx, input }) => updateTestCase(ctx.db, ctx.user, input)),
  deleteTestCase: staffProcedure
    .input(deleteTestCaseInput)
    .mutation(({ ctx, input }) => deleteTestCase(ctx.db, ctx.user, input.botId, input.caseId)),
  runTests: staffProcedure
    .input(runTestsInput)
    .mutation(({ ctx, input }) => runBotTests(ctx.db, ctx.user.orgId, input)),
});
