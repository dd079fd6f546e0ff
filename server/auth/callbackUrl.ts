/**
 * Whether next-auth accepts this as the address to return to after signing in: a path on this
 * site or an http(s) URL. next-auth checks the `callbackUrl` query and its callback-url cookie
 * with this test before anything else, and answers any request that fails it with a 500 that
 * blames the server's configuration.
 */
export function isValidCallbackUrl(url: string, base: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith('/') ? base : undefined).protocol);
  } catch {
    return false;
  }
}

const CALLBACK_URL_COOKIE = /^(?:__Secure-)?next-auth\.callback-url$/;

/**
 * The Cookie header without a callback-url cookie next-auth would reject. The cookie only
 * remembers where to go after signing in, yet a broken one (set by a sibling site, or edited)
 * would fail every staff page, tRPC call and session check of that browser.
 */
export function withoutInvalidCallbackUrlCookie(
  header: string | undefined,
  base: string,
): string | undefined {
  if (!header?.includes('callback-url')) return header;
  return header
    .split(';')
    .filter((pair) => {
      const at = pair.indexOf('=');
      if (at < 0 || !CALLBACK_URL_COOKIE.test(pair.slice(0, at).trim())) return true;
      try {
        return isValidCallbackUrl(decodeURIComponent(pair.slice(at + 1).trim()), base);
      } catch {
        return false;
      }
    })
    .join(';');
}
