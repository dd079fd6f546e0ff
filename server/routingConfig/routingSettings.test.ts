import { describe, expect, it } from 'vitest';
import { auditedActions, domainRefusal, routingOrg } from '../testing/routingConfigFixtures';
import { useTestDb } from '../testing/testDb';
import { getRoutingSettings, updateRoutingSettings } from './routingSettings';

describe('routing settings', () => {
  const openDb = useTestDb();

  it('start with auto-Away off, re-routing on Offline on and no reply deadline', async () => {
    const db = openDb();
    const { org } = await routingOrg(db, 'acme');
    expect(getRoutingSettings(db, org.id)).toEqual({
      autoAwayAfterMissedOffers: null,
      rerouteOnOffline: true,
      noReplyReassignSeconds: null,
    });
  });

  it('are saved per org and audited with what changed', async () => {
    const db = openDb();
    const a = await routingOrg(db, 'org-a');
    const b = await routingOrg(db, 'org-b');
    const chosen = {
      autoAwayAfterMissedOffers: 3,
      rerouteOnOffline: false,
      noReplyReassignSeconds: 120,
    };
    expect(updateRoutingSettings(db, a.admin, chosen)).toEqual(chosen);
    expect(updateRoutingSettings(db, a.admin, { ...chosen, noReplyReassignSeconds: null })).toEqual(
      {
        ...chosen,
        noReplyReassignSeconds: null,
      },
    );
    expect(getRoutingSettings(db, b.org.id).rerouteOnOffline).toBe(true);
    expect(auditedActions(db, a.org.id)[0]).toEqual({
      action: 'routing_settings.changed',
      details: {
        from: {
          autoAwayAfterMissedOffers: null,
          rerouteOnOffline: true,
          noReplyReassignSeconds: null,
        },
        to: chosen,
      },
    });
  });

  it('refuse numbers outside what routing can use', async () => {
    const db = openDb();
    const { admin } = await routingOrg(db, 'acme');
    const base = {
      autoAwayAfterMissedOffers: null,
      rerouteOnOffline: true,
      noReplyReassignSeconds: null,
    };
    expect(
      domainRefusal(() =>
        updateRoutingSettings(db, admin, { ...base, autoAwayAfterMissedOffers: 0 }),
      ),
    ).toMatchObject({ code: 'INVALID_INPUT', details: { field: 'autoAwayAfterMissedOffers' } });
    expect(
      domainRefusal(() => updateRoutingSettings(db, admin, { ...base, noReplyReassignSeconds: 5 })),
    ).toMatchObject({
      message: 'Reassign after at least 15 seconds without a reply.',
      details: { field: 'noReplyReassignSeconds' },
    });
  });
});
