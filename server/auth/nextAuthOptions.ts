import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import { getDb } from '../db/client';
import type { StaffRole } from '../db/schema';
import { getEnv } from '../env';
import { verifyStaffCredentials } from './staffAuth';

const credentialsSchema = z.object({
  email: z.email(),
  password: z.string().min(1).max(512),
});

// Failed sign-ins per email: slows guessing without locking a person out for long.
const failedSignIns = new RateLimiterMemory({ points: 10, duration: 15 * 60 });

/** Error codes the sign-in page turns into sentences. */
export const SIGN_IN_ERRORS = {
  invalid: 'CredentialsSignin',
  tooManyAttempts: 'TooManyAttempts',
} as const;

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getEnv().nextAuthSecret,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(raw) {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) return null;
          const key = parsed.data.email.toLowerCase();
          const limit = await failedSignIns.get(key);
          if (limit && limit.remainingPoints <= 0) throw new Error(SIGN_IN_ERRORS.tooManyAttempts);
          const user = await verifyStaffCredentials(getDb(), key, parsed.data.password);
          if (!user) {
            await failedSignIns.penalty(key, 1);
            return null;
          }
          await failedSignIns.delete(key);
          return {
            id: user.id,
            email: user.email,
            name: user.name,
            role: user.role,
            orgId: user.orgId,
          };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.role = user.role;
          token.orgId = user.orgId;
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          ...session.user,
          id: token.userId as string,
          role: token.role as StaffRole,
          orgId: token.orgId as string,
        };
        return session;
      },
    },
  };
}
