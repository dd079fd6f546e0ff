/** Glyphs for the icon names node types declare, so the canvas needs no icon font. */
const NODE_ICONS: Record<string, string> = {
  play: '▶',
  'message-square': '✉',
  'help-circle': '?',
  sparkles: '✦',
  'git-branch': '⑂',
  variable: 'x',
  zap: '⚡',
  headset: '☎',
  flag: '⚑',
  'corner-up-left': '↩',
};

export function nodeIcon(name: string): string {
  return NODE_ICONS[name] ?? '●';
}
