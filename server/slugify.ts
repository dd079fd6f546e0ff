/** A lower-case, dash-separated form of a name for ids and file names; `fallback` when empty. */
export function slugify(name: string, maxLength: number, fallback: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, maxLength) || fallback
  );
}
