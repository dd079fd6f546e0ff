import { PUSH_SERVICE_WORKER } from '@/server/widget/pushServiceWorker';

export const dynamic = 'force-static';

/** The widget's notification worker; sites on other origins import it from their own worker. */
export function GET() {
  return new Response(PUSH_SERVICE_WORKER, {
    headers: {
      'content-type': 'text/javascript; charset=utf-8',
      // A worker is checked for updates on navigation; stale copies would outlive a fix.
      'cache-control': 'no-cache',
      'cross-origin-resource-policy': 'cross-origin',
    },
  });
}
