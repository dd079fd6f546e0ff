'use client';

import { useEffect, useRef } from 'react';
import { SHORTCUTS, type ShortcutName } from './shortcuts';

/**
 * Runs `handler` when the shortcut is pressed anywhere on the page, except while a modal
 * dialog is open (keys typed there belong to the dialog) and, for shortcuts a text field uses
 * itself (Ctrl+← moves by word), while typing.
 */
export function useShortcut(
  name: ShortcutName,
  handler: (event: KeyboardEvent) => void,
  enabled = true,
) {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !SHORTCUTS[name].matches(event)) return;
      if (document.querySelector('dialog[open]')) return;
      if ('leavesTextAlone' in SHORTCUTS[name] && isTextField(event.target)) return;
      event.preventDefault();
      latest.current(event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [name, enabled]);
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))
  );
}
