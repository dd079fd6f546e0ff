import { describe, expect, it } from 'vitest';
import { useParleyProcess } from './testing/parleyProcess';

describe('the Parley process', () => {
  const startParley = useParleyProcess();

  it('serves the demo store back office by default and not with PARLEY_DEMO=false', {
    timeout: 90_000,
  }, async () => {
    const withDemo = await startParley();
    const order = await fetch(`${withDemo.base}/api/demo/orders/A1001`);
    expect(order.status).toBe(200);
    expect(await order.json()).toMatchObject({ orderNumber: 'A1001' });

    const withoutDemo = await startParley({ PARLEY_DEMO: 'false' });
    const refused = await fetch(`${withoutDemo.base}/api/demo/orders/A1001`);
    expect(refused.status).toBe(404);
    expect((await fetch(`${withoutDemo.base}/api/v1/health`)).status).toBe(200);
  });
});
