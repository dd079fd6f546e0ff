'use client';

import { useCallback, useState } from 'react';
import type { PreviewTurn } from '@/server/bots/previewTurn';
import type { PreviewReplayStep } from '../_preview/PreviewChatPort';
import type { SettingsSection } from '../_settings/flowSettingsEdits';

export type SideTab = 'preview' | 'inspector' | 'problems' | 'versions' | 'tests';

/** Which of the editor's panels and dialogs are open around the canvas. */
export function useEditorPanels() {
  const [tab, setTab] = useState<SideTab>('inspector');
  const [codeView, setCodeView] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  /** The preview conversation's turns so far, whose path the canvas draws. */
  const [previewTurns, setPreviewTurns] = useState<readonly PreviewTurn[]>([]);
  /** The flow settings dialog, when open, and the part of it to show first. */
  const [settings, setSettings] = useState<{ section: SettingsSection | null } | null>(null);
  const [publishing, setPublishing] = useState(false);
  /** A test case being replayed in the preview; a new key starts the preview afresh. */
  const [replay, setReplay] = useState<{ key: number; steps: PreviewReplayStep[] } | null>(null);

  const openPreview = (open: boolean) => {
    setPreviewOpen(open);
    setTab((current) => (open ? 'preview' : current === 'preview' ? 'inspector' : current));
  };

  return {
    tab,
    setTab,
    // While previewing, a node centred from the trace is looked at on the canvas; the chat
    // stays in front, with the node's settings one tab away.
    showInspector: useCallback(
      () => setTab((current) => (current === 'preview' ? current : 'inspector')),
      [],
    ),
    codeView,
    toggleCodeView: () => setCodeView((shown) => !shown),
    previewOpen,
    togglePreview: () => openPreview(!previewOpen),
    closePreview: () => openPreview(false),
    previewTurns,
    setPreviewTurns,
    settings,
    openSettings: (section: SettingsSection | null) => setSettings({ section }),
    closeSettings: () => setSettings(null),
    publishing,
    setPublishing,
    replay,
    replayInPreview: (steps: PreviewReplayStep[]) => {
      setReplay((current) => ({ key: (current?.key ?? 0) + 1, steps }));
      openPreview(true);
    },
  };
}
