import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/client';
import { pushDeliveries } from '../db/schema';
import { WriteBatcher } from '../db/writeBatcher';
import { eventually, usePushWorld } from '../testing/pushWorld';
import { PushWorker } from './pushWorker';

describe('two push workers on one database', () => {
  const startWorld = usePushWorld();
  const opened: Db[] = [];
  afterEach(() => {
    for (const db of opened.splice(0)) db.$client.close();
  });

  it('never send the same delivery twice', async () => {
    const world = await startWorld();
    await world.reply('Your parcel left this morning.');
    const [sent] = world.deliveries();
    if (!sent) throw new Error('no delivery');
    const many = 200;
    world.db
      .insert(pushDeliveries)
      .values(
        Array.from({ length: many }, () => ({
          orgId: sent.orgId,
          registrationId: sent.registrationId,
          sessionId: sent.sessionId,
          entryId: sent.entryId,
          seq: sent.seq,
          collapseKey: sent.collapseKey,
          nextAttemptAt: new Date(),
        })),
      )
      .run();

    const other = openDatabase(world.db.$client.name);
    opened.push(other);
    const second = new PushWorker({
      db: other,
      writes: new WriteBatcher(other),
      sender: world.sender,
      deploymentPush: world.deploymentPush,
      concurrency: 16,
    });
    second.wake();
    world.runtime.pushWorker?.wake();
    await eventually(() => world.apns.notifications.length >= many + 1, 10_000);
    await Promise.all([second.stop(), world.runtime.pushWorker?.idle()]);

    expect(world.apns.notifications).toHaveLength(many + 1);
    const rows = world.deliveries();
    expect(rows.every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });
});
