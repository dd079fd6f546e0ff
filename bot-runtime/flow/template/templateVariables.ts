import { TEMPLATE_PLACEHOLDER } from './templatePlaceholder';

/** The variable names a template reads (the first segment of each placeholder path). */
export function templateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(TEMPLATE_PLACEHOLDER)) {
    const path = match[1] ?? '';
    names.add(path.split('.')[0] ?? path);
  }
  return [...names];
}
