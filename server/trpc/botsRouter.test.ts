import type { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { actionRegistry } from '../../bot-runtime/actions';
import { type FlowDocument, loadFlow, validateFlow } from '../../bot-runtime/flow';
import type { Db } from '../db/client';
import { deployments } from '../db/schema';
import { DomainError } from '../errors';
import { callerFor, createOrg, createStaff, trpcRejection } from '../testing/fixtures';
import { useTestDb } from '../testing/testDb';

function details(error: TRPCError) {
  expect(error.cause).toBeInstanceOf(DomainError);
  return (error.cause as DomainError).details ?? {};
}

/** A start node straight into an end node: the smallest flow that publishes. */
function publishable(document: FlowDocument): FlowDocument {
  return {
    ...document,
    nodes: [...document.nodes, { id: 'bye', type: 'end', label: 'Bye', data: {} }],
    edges: [{ id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'bye' }],
  } as FlowDocument;
}

async function studioOrg(db: Db, slug = 'acme') {
  const org = createOrg(db, slug);
  return {
    org,
    admin: await createStaff(db, org.id, 'admin'),
    designer: await createStaff(db, org.id, 'designer'),
    qa: await createStaff(db, org.id, 'qa'),
    agent: await createStaff(db, org.id, 'agent'),
    supervisor: await createStaff(db, org.id, 'supervisor'),
  };
}

describe('bots: who may do what', () => {
  const openDb = useTestDb();

  it('lets admins and designers create and edit bots', async () => {
    const db = openDb();
    const { admin, designer } = await studioOrg(db);
    for (const user of [admin, designer]) {
      const bots = callerFor(db, user).bots;
      const bot = await bots.create({ name: `${user.role} bot`, template: 'blank' });
      const draft = await bots.draft({ botId: bot.id });
      await bots.saveDraft({
        botId: bot.id,
        baseRevision: draft.revision,
        document: draft.document,
      });
      await bots.rename({ botId: bot.id, name: `${user.role} bot, renamed` });
    }
    const { items } = await callerFor(db, admin).bots.list({});
    expect(items.map((b) => b.name)).toEqual(['admin bot, renamed', 'designer bot, renamed']);
  });

  it('lets QA open and read a bot but not change it', async () => {
    const db = openDb();
    const { designer, qa } = await studioOrg(db);
    const bot = await callerFor(db, designer).bots.create({
      name: 'Support',
      template: 'customerSupport',
    });
    const asQa = callerFor(db, qa).bots;
    const draft = await asQa.draft({ botId: bot.id });
    expect(draft.document.nodes.length).toBeGreaterThan(10);
    expect(await asQa.versions({ botId: bot.id })).toEqual([]);

    const refused = [
      asQa.create({ name: 'Mine', template: 'blank' }),
      asQa.saveDraft({ botId: bot.id, baseRevision: draft.revision, document: draft.document }),
      asQa.publish({ botId: bot.id }),
      asQa.rename({ botId: bot.id, name: 'Renamed' }),
      asQa.delete({ botId: bot.id }),
    ];
    for (const call of refused) expect((await trpcRejection(call)).code).toBe('FORBIDDEN');
  });

  it('keeps agents and supervisors out of the studio entirely', async () => {
    const db = openDb();
    const { designer, agent, supervisor } = await studioOrg(db);
    const bot = await callerFor(db, designer).bots.create({ name: 'Support', template: 'blank' });
    for (const user of [agent, supervisor]) {
      const bots = callerFor(db, user).bots;
      expect((await trpcRejection(bots.list({}))).code).toBe('FORBIDDEN');
      expect((await trpcRejection(bots.draft({ botId: bot.id }))).code).toBe('FORBIDDEN');
    }
    expect((await trpcRejection(callerFor(db, null).bots.list({}))).code).toBe('UNAUTHORIZED');
  });
});

describe('bots: org isolation', () => {
  const openDb = useTestDb();

  it('answers NOT_FOUND for another org’s bot, on every read and write', async () => {
    const db = openDb();
    const a = await studioOrg(db, 'org-a');
    const b = await studioOrg(db, 'org-b');
    const bot = await callerFor(db, a.designer).bots.create({ name: 'Secret', template: 'blank' });
    const draft = await callerFor(db, a.designer).bots.draft({ botId: bot.id });
    const asB = callerFor(db, b.admin).bots;

    expect((await asB.list({})).items).toEqual([]);
    const attempts = [
      asB.byId({ botId: bot.id }),
      asB.draft({ botId: bot.id }),
      asB.export({ botId: bot.id }),
      asB.versions({ botId: bot.id }),
      asB.saveDraft({ botId: bot.id, baseRevision: draft.revision, document: draft.document }),
      asB.publish({ botId: bot.id }),
      asB.rename({ botId: bot.id, name: 'Mine now' }),
      asB.duplicate({ botId: bot.id }),
      asB.delete({ botId: bot.id }),
    ];
    for (const call of attempts) {
      const error = await trpcRejection(call);
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).not.toContain('Secret');
    }
    expect((await callerFor(db, a.designer).bots.byId({ botId: bot.id })).name).toBe('Secret');
  });

  it('will not point a deployment at another org’s version', async () => {
    const db = openDb();
    const a = await studioOrg(db, 'org-a');
    const b = await studioOrg(db, 'org-b');
    const asA = callerFor(db, a.admin);
    const bot = await asA.bots.create({ name: 'A bot', template: 'customerSupport' });
    const version = await asA.bots.publish({ botId: bot.id, note: 'v1' });
    const { deployment } = await callerFor(db, b.admin).deployments.create({
      name: 'B app',
      channel: 'in_app',
      publicId: 'org-b-app',
    });
    const error = await trpcRejection(
      callerFor(db, b.admin).bots.setLiveVersion({
        deploymentId: deployment.id,
        botId: bot.id,
        versionId: version.id,
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('bots: drafts and optimistic concurrency', () => {
  const openDb = useTestDb();

  it('refuses a save based on an old revision and says who saved meanwhile', async () => {
    const db = openDb();
    const { designer, admin } = await studioOrg(db);
    const bot = await callerFor(db, designer).bots.create({ name: 'Support', template: 'blank' });
    const opened = await callerFor(db, designer).bots.draft({ botId: bot.id });

    const adminsEdit = { ...opened.document, description: 'Edited by the admin' };
    const saved = await callerFor(db, admin).bots.saveDraft({
      botId: bot.id,
      baseRevision: opened.revision,
      document: adminsEdit,
    });
    expect(saved.revision).toBe(opened.revision + 1);

    const designersEdit = { ...opened.document, description: 'Edited by the designer' };
    const error = await trpcRejection(
      callerFor(db, designer).bots.saveDraft({
        botId: bot.id,
        baseRevision: opened.revision,
        document: designersEdit,
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(details(error)).toMatchObject({ updatedBy: 'admin user', revision: saved.revision });
    expect(error.message).toContain('admin user');
    const after = await callerFor(db, designer).bots.draft({ botId: bot.id });
    expect(after.document.description).toBe('Edited by the admin');

    const overwritten = await callerFor(db, designer).bots.saveDraft({
      botId: bot.id,
      baseRevision: opened.revision,
      document: designersEdit,
      overwrite: true,
    });
    expect(overwritten.revision).toBe(saved.revision + 1);
    const final = await callerFor(db, admin).bots.draft({ botId: bot.id });
    expect(final).toMatchObject({ updatedBy: 'designer user', revision: overwritten.revision });
    expect(final.document.description).toBe('Edited by the designer');
  });

  it('refuses a draft that is not a flow document, naming the node at fault', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'blank' });
    const draft = await bots.draft({ botId: bot.id });
    const broken = {
      ...draft.document,
      nodes: [...draft.document.nodes, { id: 'oops', type: 'teleport', data: {} }],
    };
    const error = await trpcRejection(
      bots.saveDraft({ botId: bot.id, baseRevision: draft.revision, document: broken }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(details(error).issues).toEqual([
      expect.objectContaining({ nodeId: 'oops', path: 'nodes.1.type' }),
    ]);
  });
});

describe('bots: publishing and versions', () => {
  const openDb = useTestDb();

  it('refuses to publish a draft with errors and lists them', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Empty', template: 'blank' });
    const error = await trpcRejection(bots.publish({ botId: bot.id, note: 'first' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(details(error).issues).toEqual([
      expect.objectContaining({ code: 'OUTPUT_NOT_CONNECTED', nodeId: 'start', severity: 'error' }),
    ]);
    expect(await bots.versions({ botId: bot.id })).toEqual([]);
  });

  it('publishes a draft whose only issues are warnings', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Greeter', template: 'blank' });
    const draft = await bots.draft({ botId: bot.id });
    const document = {
      ...draft.document,
      nodes: [
        ...draft.document.nodes,
        { id: 'hello', type: 'message', label: 'Hello', data: { text: 'Hi {{firstName}}!' } },
        { id: 'bye', type: 'end', label: 'Bye', data: {} },
        // Nothing leads here and it only leads back to itself.
        { id: 'limbo', type: 'message', label: 'Limbo', data: { text: 'Still here?' } },
      ],
      edges: [
        { id: 'e1', sourceNodeId: 'start', sourceOutput: 'next', targetNodeId: 'hello' },
        { id: 'e2', sourceNodeId: 'hello', sourceOutput: 'next', targetNodeId: 'bye' },
        { id: 'e3', sourceNodeId: 'limbo', sourceOutput: 'next', targetNodeId: 'limbo' },
      ],
    } as FlowDocument;
    await bots.saveDraft({ botId: bot.id, baseRevision: draft.revision, document });

    // The studio shows these to the designer from the same validator; publishing must not
    // turn them into a refusal.
    const loaded = loadFlow((await bots.draft({ botId: bot.id })).document);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const issues = validateFlow(loaded.flow, {
      knownActions: actionRegistry.list().map((action) => action.name),
    });
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'VARIABLE_READ_BEFORE_SET', nodeId: 'hello' }),
        expect.objectContaining({ code: 'UNREACHABLE_NODE', nodeId: 'limbo' }),
        expect.objectContaining({ code: 'NO_WAY_OUT', nodeId: 'limbo' }),
      ]),
    );

    const version = await bots.publish({ botId: bot.id, note: 'Good enough' });
    expect(version).toMatchObject({ number: 1, note: 'Good enough', author: 'designer user' });
    expect((await bots.versions({ botId: bot.id })).map((v) => v.id)).toEqual([version.id]);
    const published = await bots.version({ botId: bot.id, versionId: version.id });
    expect(published.flow.nodes.map((node) => node.id)).toEqual(['start', 'hello', 'bye', 'limbo']);
  });

  it('keeps a published version exactly as it was while the draft moves on', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Tiny', template: 'blank' });
    const draft = await bots.draft({ botId: bot.id });
    const saved = await bots.saveDraft({
      botId: bot.id,
      baseRevision: draft.revision,
      document: publishable(draft.document),
    });
    const v1 = await bots.publish({ botId: bot.id, note: 'First release' });
    expect(v1).toMatchObject({ number: 1, note: 'First release', author: 'designer user' });
    const v1Before = await bots.version({ botId: bot.id, versionId: v1.id });

    const edited = publishable({ ...draft.document, description: 'Second thoughts' });
    await bots.saveDraft({ botId: bot.id, baseRevision: saved.revision, document: edited });
    const v2 = await bots.publish({ botId: bot.id, note: 'Second release' });

    const v1After = await bots.version({ botId: bot.id, versionId: v1.id });
    expect(v1After).toEqual(v1Before);
    expect(v1After.flow.description).toBe('');
    expect(v2.number).toBe(2);
    expect(v2.checksum).not.toBe(v1.checksum);
    expect((await bots.versions({ botId: bot.id })).map((v) => v.number)).toEqual([2, 1]);
    expect(Object.keys(bots)).not.toContain('updateVersion');
  });

  it('restores the draft from a version without touching the version', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
    const v1 = await bots.publish({ botId: bot.id, note: 'v1' });
    const draft = await bots.draft({ botId: bot.id });
    const edited = await bots.saveDraft({
      botId: bot.id,
      baseRevision: draft.revision,
      document: { ...draft.document, nodes: draft.document.nodes.slice(0, 3) },
    });
    const restored = await bots.restoreDraft({
      botId: bot.id,
      versionId: v1.id,
      baseRevision: edited.revision,
    });
    const after = await bots.draft({ botId: bot.id });
    expect(after.revision).toBe(restored.revision);
    expect(after.document.nodes).toEqual(draft.document.nodes);
  });

  it('points a deployment at a version only when asked, and then refuses to delete the bot', async () => {
    const db = openDb();
    const { admin } = await studioOrg(db);
    const caller = callerFor(db, admin);
    const bot = await caller.bots.create({ name: 'Support', template: 'customerSupport' });
    const v1 = await caller.bots.publish({ botId: bot.id, note: 'v1' });
    const { deployment } = await caller.deployments.create({
      name: 'Acme app',
      channel: 'in_app',
      publicId: 'acme-app-test',
    });
    expect((await caller.bots.versions({ botId: bot.id }))[0]?.liveOn).toEqual([]);

    const live = await caller.bots.setLiveVersion({
      deploymentId: deployment.id,
      botId: bot.id,
      versionId: v1.id,
    });
    expect(live).toMatchObject({ botName: 'Support', versionNumber: 1 });
    expect((await caller.bots.versions({ botId: bot.id }))[0]?.liveOn).toEqual(['Acme app']);

    const error = await trpcRejection(caller.bots.delete({ botId: bot.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Acme app');
    db.update(deployments).set({ botId: null, botVersionId: null }).run();
    await caller.bots.delete({ botId: bot.id });
    expect((await caller.bots.list({})).total).toBe(0);
  });
});

describe('bots: list, duplicate, export and import', () => {
  const openDb = useTestDb();

  it('searches and pages the org’s bots', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    for (const name of ['Billing', 'Orders', 'Returns', 'Order tracking']) {
      await bots.create({ name, template: 'blank' });
    }
    const found = await bots.list({ search: 'order' });
    expect(found.items.map((b) => b.name)).toEqual(['Order tracking', 'Orders']);
    const second = await bots.list({ page: 2, pageSize: 3 });
    expect(second).toMatchObject({ total: 4, items: [{ name: 'Returns' }] });
  });

  it('duplicates the draft and round-trips a bot through its export file', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const bot = await bots.create({ name: 'Support', template: 'customerSupport' });
    const copy = await bots.duplicate({ botId: bot.id });
    expect(copy.name).toBe('Support (copy)');
    expect((await bots.draft({ botId: copy.id })).document.nodes).toEqual(
      (await bots.draft({ botId: bot.id })).document.nodes,
    );

    const exported = await bots.export({ botId: bot.id });
    expect(exported.fileName).toBe('support.json');
    const imported = await bots.import({ text: JSON.stringify(exported.document, null, 2) });
    expect(imported.name).toBe('Support');
    expect((await bots.draft({ botId: imported.id })).document.edges).toEqual(
      exported.document.edges,
    );
  });

  it('lists an import file’s problems with the line and node they are about', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const bots = callerFor(db, designer).bots;
    const notJson = await trpcRejection(bots.import({ text: '{\n  "name": "Broken",\n}' }));
    expect(notJson.code).toBe('BAD_REQUEST');
    expect(notJson.message).toContain('line 3');

    const text = JSON.stringify(
      {
        schemaVersion: 1,
        nodes: [
          { id: 'start', type: 'start' },
          { id: 'hello', type: 'message', data: { typingDelayMs: -5 } },
        ],
      },
      null,
      2,
    );
    const invalid = await trpcRejection(bots.import({ text }));
    expect(details(invalid).issues).toEqual([
      expect.objectContaining({ nodeId: 'hello', path: 'nodes.1.data.typingDelayMs', line: 9 }),
    ]);
    expect((await bots.list({})).total).toBe(0);
  });
});

describe('bots: trying the NLU', () => {
  const openDb = useTestDb();

  it('lets QA try a sentence on the draft, or on phrases not saved yet', async () => {
    const db = openDb();
    const { designer, qa } = await studioOrg(db);
    const bot = await callerFor(db, designer).bots.create({
      name: 'Support',
      template: 'customerSupport',
    });
    const asQa = callerFor(db, qa).bots;
    const saved = await asQa.tryNlu({ botId: bot.id, text: 'where is my order A1001' });
    expect(saved.ranking[0]?.intent).toBe('orderStatus');
    expect(saved.entities.map((e) => e.value)).toContain('A1001');

    const draft = await asQa.draft({ botId: bot.id });
    const unsaved = {
      ...draft.document,
      nlu: {
        ...draft.document.nlu,
        intents: [
          ...draft.document.nlu.intents,
          { name: 'weather', description: '', phrases: ['is it raining', 'weather forecast'] },
        ],
      },
    };
    const trial = await asQa.tryNlu({
      botId: bot.id,
      document: unsaved,
      text: 'what is the weather forecast',
    });
    expect(trial.ranking[0]?.intent).toBe('weather');
  });

  it('does not try another org’s bot', async () => {
    const db = openDb();
    const { designer } = await studioOrg(db);
    const other = await studioOrg(db, 'globex');
    const bot = await callerFor(db, designer).bots.create({
      name: 'Support',
      template: 'customerSupport',
    });
    const refusal = await trpcRejection(
      callerFor(db, other.designer).bots.tryNlu({ botId: bot.id, text: 'hello' }),
    );
    expect(refusal.code).toBe('NOT_FOUND');
  });
});
