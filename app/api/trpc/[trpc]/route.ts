import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getServerSession } from 'next-auth';
import { getAuthOptions } from '@/server/auth/nextAuthOptions';
import { getConsoleServices } from '@/server/console/consoleServices';
import { getDb } from '@/server/db/client';
import { appRouter } from '@/server/trpc/root';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handler(req: Request) {
  const session = await getServerSession(getAuthOptions());
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () => ({
      db: getDb(),
      sessionUserId: session?.user?.id ?? null,
      consoleServices: getConsoleServices,
    }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        console.error(`tRPC ${path}:`, error.cause ?? error);
    },
  });
}

// tRPC answers the methods it does not take itself, as JSON with a code like its other errors.
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
