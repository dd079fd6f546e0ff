/**
 * The console's keyboard shortcuts: the help popover lists these, and each part of the console
 * listens for its own with `useShortcut`. Keys are matched by `code`, so Alt+A works on
 * layouts where Alt turns the letter into another character (macOS).
 */
export const SHORTCUTS = {
  accept: {
    keys: 'Alt+A',
    does: 'Accept the oldest offer',
    matches: (event: KeyboardEvent) => event.altKey && !event.ctrlKey && event.code === 'KeyA',
  },
  previousTab: {
    keys: 'Ctrl+←',
    does: 'Previous conversation (outside the message box)',
    leavesTextAlone: true,
    matches: (event: KeyboardEvent) => event.ctrlKey && event.key === 'ArrowLeft',
  },
  nextTab: {
    keys: 'Ctrl+→',
    does: 'Next conversation (outside the message box)',
    leavesTextAlone: true,
    matches: (event: KeyboardEvent) => event.ctrlKey && event.key === 'ArrowRight',
  },
  nthTab: {
    keys: 'Alt+1…9',
    does: 'Go to conversation 1…9',
    matches: (event: KeyboardEvent) =>
      event.altKey && !event.ctrlKey && /^Digit[1-9]$/.test(event.code),
  },
  end: {
    keys: 'Alt+E',
    does: 'End the conversation (asks first)',
    matches: (event: KeyboardEvent) => event.altKey && !event.ctrlKey && event.code === 'KeyE',
  },
  send: { keys: 'Enter', does: 'Send the message or note', matches: () => false },
  newline: { keys: 'Shift+Enter', does: 'New line in the message', matches: () => false },
  quickTexts: {
    keys: 'Alt+Q',
    does: 'Insert a quick text',
    matches: (event: KeyboardEvent) => event.altKey && !event.ctrlKey && event.code === 'KeyQ',
  },
  note: {
    keys: 'Alt+N',
    does: 'Switch between reply and internal note',
    matches: (event: KeyboardEvent) => event.altKey && !event.ctrlKey && event.code === 'KeyN',
  },
} as const;

export type ShortcutName = keyof typeof SHORTCUTS;
