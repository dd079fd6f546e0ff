import type { Metadata } from 'next';
import { StaffUsersAdmin } from './StaffUsersAdmin';

export const metadata: Metadata = { title: 'Users' };

export default function UsersPage() {
  return <StaffUsersAdmin />;
}
