import type { DefaultSession } from 'next-auth';
import type { StaffRole } from '@/server/db/schema';

declare module 'next-auth' {
  interface User {
    role: StaffRole;
    orgId: string;
  }
  interface Session {
    user: DefaultSession['user'] & { id: string; role: StaffRole; orgId: string };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: string;
    role?: StaffRole;
    orgId?: string;
  }
}
