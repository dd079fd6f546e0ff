'use client';

import { useCallback, useState } from 'react';
import type { MessageInput } from '@/sdk/types';
import type { SettingsSection } from '../_settings/flowSettingsEdits';

export type SideTab = 'inspector' | 'problems' | 'versions' | 'tests';

/** Which of the editor's panels and dialogs are open around the canvas. */
export function useEditorPanels() {
  const [tab, setTab] = useState<SideTab>('inspector');
  const [codeView, setCodeView] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  /** The node the preview conversation waits at. */
  const [previewNodeId, setPreviewNodeId] = useState<string | null>(null);
  /** The flow settings dialog, when open, and the part of it to show first. */
  const [settings, setSettings] = useState<{ section: SettingsSection | null } | null>(null);
  const [publishing, setPublishing] = useState(false);
  /** A test case being replayed in the preview; a new key starts the preview afresh. */
  const [replay, setReplay] = useState<{ key: number; messages: MessageInput[] } | null>(null);

  return {
    tab,
    setTab,
    showInspector: useCallback(() => setTab('inspector'), []),
    codeView,
    toggleCodeView: () => setCodeView((shown) => !shown),
    previewOpen,
    togglePreview: () => setPreviewOpen((open) => !open),
    closePreview: () => setPreviewOpen(false),
    previewNodeId,
    setPreviewNodeId,
    settings,
    openSettings: (section: SettingsSection | null) => setSettings({ section }),
    closeSettings: () => setSettings(null),
    publishing,
    setPublishing,
    replay,
    replayInPreview: (messages: MessageInput[]) => {
      setReplay((current) => ({ key: (current?.key ?? 0) + 1, messages }));
      setPreviewOpen(true);
    },
  };
}
