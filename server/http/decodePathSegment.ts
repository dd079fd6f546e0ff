/** A path segment percent-decoded, or null when its escapes are malformed (`%E0`, `%zz`). */
export function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
