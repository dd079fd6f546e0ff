import { describe, expect, it } from 'vitest';
import { auditedActions, domainRefusal, routingOrg } from '../testing/routingConfigFixtures';
import { useTestDb } from '../testing/testDb';
import { createQuickText, deleteQuickText, listQuickTexts, updateQuickText } from './quickTexts';

const page = { page: 1, pageSize: 20, search: '' };

describe('quick texts', () => {
  const openDb = useTestDb();

  it('are found by what their title or text contains, in any case, a page at a time', async () => {
    const db = openDb();
    const { org, admin } = await routingOrg(db, 'acme');
    createQuickText(db, admin, {
      title: 'Greeting',
      body: 'Hi {{contact.name}}, this is {{agent.name}}. How can I help?',
    });
    createQuickText(db, admin, {
      title: 'Order lookup',
      body: 'Could you confirm your ORDER number, {{ contact.name }}?',
    });
    createQuickText(db, admin, { title: 'Goodbye', body: 'Thanks for 100% of your patience.' });

    const titles = (search: string, pageSize = 20, at = 1) =>
      listQuickTexts(db, org.id, { page: at, pageSize, search }).items.map((text) => text.title);
    expect(titles('order')).toEqual(['Order lookup']);
    expect(titles('GREET')).toEqual(['Greeting']);
    expect(titles('help')).toEqual(['Greeting']);
    expect(titles('%')).toEqual(['Goodbye']);
    expect(titles('', 2, 1)).toEqual(['Goodbye', 'Greeting']);
    expect(titles('', 2, 2)).toEqual(['Order lookup']);
    expect(listQuickTexts(db, org.id, { ...page, pageSize: 2 }).total).toBe(3);
  });

  it('refuse variables nobody fills in and titles already taken', async () => {
    const db = openDb();
    const { admin } = await routingOrg(db, 'acme');
    const refusal = domainRefusal(() =>
      createQuickText(db, admin, { title: 'Hello', body: 'Hi {{contact.nmae}}' }),
    );
    expect(refusal).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'body' } });
    expect(refusal.message).toBe(
      'Unknown variable {{contact.nmae}}: use {{contact.name}}, {{contact.email}}, {{agent.name}}, {{org.name}}.',
    );
    const hello = createQuickText(db, admin, { title: 'Hello', body: 'Hi!' });
    createQuickText(db, admin, { title: 'Bye', body: 'Bye!' });
    expect(
      domainRefusal(() => updateQuickText(db, admin, hello.id, { title: 'BYE', body: 'x' })),
    ).toMatchObject({ code: 'CONFLICT', details: { field: 'title' } });
  });

  it('are changed and deleted with an audit entry, and only in their own org', async () => {
    const db = openDb();
    const a = await routingOrg(db, 'org-a');
    const b = await routingOrg(db, 'org-b');
    const hello = createQuickText(db, a.admin, { title: 'Hello', body: 'Hi!' });
    expect(listQuickTexts(db, b.org.id, page).items).toEqual([]);
    for (const call of [
      () => updateQuickText(db, b.admin, hello.id, { title: 'Mine', body: 'x' }),
      () => deleteQuickText(db, b.admin, hello.id),
    ]) {
      expect(domainRefusal(call).code).toBe('NOT_FOUND');
    }
    updateQuickText(db, a.admin, hello.id, { title: 'Hello there', body: 'Hi!' });
    deleteQuickText(db, a.admin, hello.id);
    expect(auditedActions(db, a.org.id)).toEqual([
      { action: 'quick_text.created', details: { title: 'Hello' } },
      {
        action: 'quick_text.updated',
        details: { title: 'Hello there', previousTitle: 'Hello', bodyChanged: false },
      },
      { action: 'quick_text.deleted', details: { title: 'Hello there' } },
    ]);
    expect(auditedActions(db, b.org.id)).toEqual([]);
  });
});
