import type { IdentityTokenRequest } from '@parley/sdk';

export interface SignedInUser {
  id: string;
  name: string;
}

/**
 * The app's own sign-in, faked: a name typed on the home screen becomes the user. What is real
 * is how Parley learns who they are: the app asks its backend for an identity token (here
 * `scripts/identityTokenServer.mjs`), keeps it, and fetches a new one when Parley says it
 * expired. Without a token URL the customer chats anonymously.
 */
export function createFakeSignIn(options: { tokenUrl: string | null; fetch?: typeof fetch }) {
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  let user: SignedInUser | null = null;
  let cachedToken: string | null = null;

  return {
    get user() {
      return user;
    },

    signIn(name: string): SignedInUser {
      const trimmed = name.trim();
      if (!trimmed) throw new Error('Type a name to sign in.');
      user = { id: `demo-${trimmed.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, name: trimmed };
      cachedToken = null;
      return user;
    },

    signOut() {
      user = null;
      cachedToken = null;
    },

    /** The client's `getIdentityToken`. */
    async identityToken(request: IdentityTokenRequest): Promise<string | undefined> {
      if (!user || !options.tokenUrl) return undefined;
      if (cachedToken && !request.previousExpired) return cachedToken;
      const query = `sub=${encodeURIComponent(user.id)}&name=${encodeURIComponent(user.name)}`;
      const res = await fetchImpl(`${options.tokenUrl}?${query}`);
      if (!res.ok) throw new Error(`The identity token server answered ${res.status}.`);
      cachedToken = (await res.text()).trim();
      return cachedToken;
    },
  };
}

export type FakeSignIn = ReturnType<typeof createFakeSignIn>;
