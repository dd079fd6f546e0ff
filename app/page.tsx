import { redirect } from 'next/navigation';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { AREA_ROLES, canEnter, type StaffArea } from '@/server/auth/roles';

export const dynamic = 'force-dynamic';

export default async function Home() {
  const user = await currentStaffUser();
  if (!user) redirect('/signin');
  const first = (Object.keys(AREA_ROLES) as StaffArea[]).find((area) => canEnter(area, user.role));
  redirect(`/${first ?? 'studio'}`);
}
