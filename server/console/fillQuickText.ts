/** What a quick text's `{{…}}` variables are filled from in a conversation. */
export interface QuickTextValues {
  'contact.name'?: string | null;
  'contact.email'?: string | null;
  'agent.name'?: string | null;
  'account.name'?: string | null;
  [name: string]: string | null | undefined;
}

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

/**
 * Fills `{{contact.name}}`-style variables. One with no value is left as typed, so the agent
 * sees the gap in the composer before sending rather than a customer reading "Hi ,".
 */
export function fillQuickText(body: string, values: QuickTextValues): string {
  return body.replace(VARIABLE, (whole, name: string) => {
    const value = values[name];
    return value ? value : whole;
  });
}
