'use client';

import { useEffect, useRef } from 'react';
import { ChatView } from '@/sdk/widget/ChatView';
import { widgetStyles } from '@/sdk/widget/widgetStyles';
import { isTextField } from '../_draft/useUndoShortcuts';
import type { PreviewChatPort } from './PreviewChatPort';

/** Fills the preview panel instead of floating over the page like the widget's window. */
const panelStyles = ':host { display: flex; flex-direction: column; height: 100%; }';

/**
 * The customer's chat exactly as the widget draws it, inside a shadow root so the widget's
 * styles and the studio's stay apart.
 */
export function PreviewChat({ port }: { port: PreviewChatPort }) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = widgetStyles + panelStyles;
    const view = new ChatView(port);
    shadow.replaceChildren(style, view.element);
    view.connect();
    view.setVisible(true);
    port.start();
    // Outside the shadow root a key typed in the composer seems to come from the host, so the
    // editor's shortcuts (undo, delete, copy, find) would act on the flow instead of the text.
    const keepKeysInChat = (event: KeyboardEvent) => {
      if (isTextField(event.composedPath()[0] ?? null)) event.stopPropagation();
    };
    host.addEventListener('keydown', keepKeysInChat);
    return () => {
      host.removeEventListener('keydown', keepKeysInChat);
      view.disconnect();
      shadow.replaceChildren();
    };
  }, [port]);

  return <div ref={hostRef} className="preview-chat" data-testid="preview-chat" />;
}
