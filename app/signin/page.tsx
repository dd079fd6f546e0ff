import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentStaffUser } from '@/server/auth/currentStaffUser';
import { SignInForm } from './SignInForm';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await currentStaffUser()) redirect(target);
  return (
    <main className="signin">
      <div className="card stack">
        <div>
          <h1>Sign in to Parley</h1>
          <p className="muted">Staff access: studio, console, admin and reports.</p>
        </div>
        <SignInForm callbackUrl={target} />
      </div>
    </main>
  );
}

/** Only same-site paths: an open redirect after sign-in is a phishing tool. */
function safeCallback(url: string | undefined): string {
  return url?.startsWith('/') && !url.startsWith('//') ? url : '/';
}
