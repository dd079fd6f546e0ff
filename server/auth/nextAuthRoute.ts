import NextAuth from 'next-auth';
import { getEnv } from '../env';
import { isValidCallbackUrl } from './callbackUrl';
import { getAuthOptions } from './nextAuthOptions';

interface NextAuthContext {
  params: Promise<{ nextauth: string[] }>;
}

const refuse = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/**
 * next-auth's endpoints, with the requests it would answer with a 500 refused as the client's
 * mistakes they are: a callback URL that is neither a path nor an http(s) URL, a JSON body that
 * does not parse, and a credentials sign-in that is not a POST.
 */
export async function handleNextAuthRequest(req: Request, ctx: NextAuthContext) {
  const [action, provider] = (await ctx.params).nextauth ?? [];
  const base = getEnv().publicUrl;
  const callbackUrls = new URL(req.url).searchParams.getAll('callbackUrl');
  if (callbackUrls.some((url) => url !== '' && !isValidCallbackUrl(url, base))) {
    return refuse(400, 'INVALID_CALLBACK_URL', 'callbackUrl must be a path or an http(s) URL.');
  }
  if (action === 'callback' && provider === 'credentials' && req.method !== 'POST') {
    return refuse(405, 'METHOD_NOT_ALLOWED', 'Sign in by POSTing the sign-in form.');
  }
  if (req.method === 'POST' && req.headers.get('content-type')?.includes('application/json')) {
    try {
      await req.clone().json();
    } catch {
      return refuse(400, 'INVALID_JSON', 'The request body is not valid JSON.');
    }
  }
  return NextAuth(getAuthOptions())(req, ctx);
}
