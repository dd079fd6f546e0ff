import { handleNextAuthRequest } from '@/server/auth/nextAuthRoute';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export { handleNextAuthRequest as GET, handleNextAuthRequest as POST };
