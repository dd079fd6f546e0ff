import { ApnsTestServer } from '../../server/push/testing/apnsTestServer';
import { testCertificate } from '../../server/push/testing/testCertificate';

/**
 * The provider stub of `bench:push`, in a process of its own so its TLS and HTTP/2 work does
 * not share Parley's event loop: an APNs look-alike that checks every request and answers at
 * once. It tells the parent its address, key and certificate, and on request when each notification came.
 */
const apns = new ApnsTestServer();
const url = await apns.start();
process.send?.({
  kind: 'ready',
  url,
  credentials: apns.credentials,
  bundleId: apns.bundleId,
  // Made in this process: the parent trusts this certificate and no other.
  ca: (await testCertificate()).cert,
});
process.on('message', (message: { kind: string }) => {
  if (message.kind !== 'report') return;
  process.send?.({
    kind: 'report',
    received: apns.notifications.map(({ payload, receivedAt }) => [
      payload.conversationId,
      receivedAt,
    ]),
  });
});
