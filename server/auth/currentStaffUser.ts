import { getServerSession } from 'next-auth';
import { getDb } from '../db/client';
import { getAuthOptions } from './nextAuthOptions';
import { loadActiveStaffUser, type StaffUser } from './staffAuth';

/** The signed-in staff user for a Next.js server component or route, or null. */
export async function currentStaffUser(): Promise<StaffUser | null> {
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id;
  return userId ? loadActiveStaffUser(getDb(), userId) : null;
}
