/** A reason stored as a code ("agent_ended") in words ("agent ended"); prose stays as it is. */
export function codeWords(reason: string): string {
  return /^[a-z_]+$/.test(reason) ? reason.replaceAll('_', ' ') : reason;
}
