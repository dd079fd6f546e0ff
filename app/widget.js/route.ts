import { widgetBundle } from '@/server/widget/widgetBundle';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** The embeddable web widget: `<script src=".../widget.js" data-deployment="...">`. */
export async function GET(request: Request) {
  const { code, etag } = await widgetBundle();
  const headers = {
    etag,
    'cache-control': 'public, max-age=300, must-revalidate',
    // Pages on other sites load this script; some of them isolate cross-origin resources.
    'cross-origin-resource-policy': 'cross-origin',
  };
  if (request.headers.get('if-none-match') === etag)
    return new Response(null, { status: 304, headers });
  return new Response(code, {
    headers: { ...headers, 'content-type': 'text/javascript; charset=utf-8' },
  });
}
