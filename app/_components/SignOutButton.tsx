'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton() {
  return (
    <button
      type="button"
      style={{ marginTop: 8, padding: '4px 10px' }}
      onClick={() => signOut({ callbackUrl: '/signin' })}
    >
      Sign out
    </button>
  );
}
