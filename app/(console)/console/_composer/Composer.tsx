'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { QuickTextValues } from '@/server/console/fillQuickText';
import type { ConversationView } from '../_live/consoleTypes';
import { withEntries } from '../_live/mergeEntries';
import { useShortcut } from '../_shortcuts/useShortcut';
import { QuickTextPicker } from './QuickTextPicker';
import { useTypingSignal } from './useTypingSignal';

type Mode = 'reply' | 'note';

/**
 * Where the agent writes: a reply to the customer, or an internal note only staff see (marked
 * as such, in another colour). Enter sends, Shift+Enter starts a new line. A reply that fails
 * stays in the box and is retried with the same id, so the customer never gets it twice.
 */
export function Composer({
  view,
  quickTextValues,
  active,
}: {
  view: ConversationView;
  quickTextValues: QuickTextValues;
  /** Only the conversation on screen answers the composer's shortcuts. */
  active: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessionId = view.session.id;
  const [mode, setMode] = useState<Mode>('reply');
  const [draft, setDraft] = useState('');
  const [picking, setPicking] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  // The id of the reply being sent; kept after a failure so the retry is the same message.
  const pendingId = useRef<{ text: string; id: string } | null>(null);
  const typing = useTypingSignal(sessionId);
  const conversationKey = trpc.console.conversation.queryKey({ sessionId });

  const send = useMutation(
    trpc.console.send.mutationOptions({
      onSuccess: (entry) => {
        pendingId.current = null;
        queryClient.setQueryData(
          conversationKey,
          (current: ConversationView | undefined) => current && withEntries(current, [entry]),
        );
      },
    }),
  );
  const addNote = useMutation(
    trpc.console.addNote.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: conversationKey }),
    }),
  );
  const busy = send.isPending || addNote.isPending;
  const failed = mode === 'reply' ? send : addNote;

  const submit = () => {
    const text = draft.trim();
    if (!text || busy) return;
    if (mode === 'note') {
      addNote.mutate({ sessionId, body: text }, { onSuccess: () => setDraft('') });
      return;
    }
    typing.stop();
    if (pendingId.current?.text !== text) pendingId.current = { text, id: crypto.randomUUID() };
    send.mutate(
      { sessionId, text, clientMessageId: pendingId.current.id },
      { onSuccess: () => setDraft('') },
    );
  };

  const insert = (text: string) => {
    const element = box.current;
    const start = element?.selectionStart ?? draft.length;
    const end = element?.selectionEnd ?? draft.length;
    setDraft(draft.slice(0, start) + text + draft.slice(end));
    setPicking(false);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + text.length, start + text.length);
    });
  };

  // A conversation coming on screen takes the focus when it has nowhere else to be: after
  // Accept (the offer's button is gone) or a shortcut switched tabs from the composer that
  // was just hidden. Arrow keys in the tab strip keep it there.
  useEffect(() => {
    if (!active) return;
    const focused = document.activeElement;
    if (!focused || focused === document.body || focused.closest('[hidden]')) box.current?.focus();
  }, [active]);

  useShortcut('quickTexts', () => setPicking(true), active);
  useShortcut(
    'note',
    () => {
      setMode((current) => (current === 'reply' ? 'note' : 'reply'));
      box.current?.focus();
    },
    active,
  );

  return (
    <form
      className={`composer composer-${mode}`}
      aria-label={mode === 'reply' ? 'Reply to the customer' : 'Internal note'}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset className="composer-modes">
        <legend className="visually-hidden">Write</legend>
        <label>
          <input
            type="radio"
            name={`mode-${sessionId}`}
            checked={mode === 'reply'}
            onChange={() => setMode('reply')}
          />
          Reply
        </label>
        <label>
          <input
            type="radio"
            name={`mode-${sessionId}`}
            checked={mode === 'note'}
            onChange={() => setMode('note')}
          />
          Internal note
        </label>
        {mode === 'note' && (
          <span className="staff-only-badge">Only staff see notes — never the customer</span>
        )}
      </fieldset>
      {failed.isError && (
        <ErrorAlert error={failed.error}>
          {' '}
          {mode === 'reply'
            ? 'Your message was not sent; it is still below. Press Enter to try again.'
            : 'The note was not saved; it is still below.'}
        </ErrorAlert>
      )}
      <label className="visually-hidden" htmlFor={`composer-${sessionId}`}>
        {mode === 'reply' ? 'Message to the customer' : 'Internal note (staff only)'}
      </label>
      <textarea
        id={`composer-${sessionId}`}
        ref={box}
        value={draft}
        rows={3}
        placeholder={
          mode === 'reply'
            ? 'Write a reply… (Enter sends, Shift+Enter for a new line)'
            : 'Write a note for your team… (the customer never sees it)'
        }
        onChange={(event) => {
          setDraft(event.target.value);
          if (mode === 'reply') typing.keystroke();
        }}
        onBlur={typing.stop}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div className="row composer-actions">
        <button type="button" onClick={() => setPicking(true)} aria-keyshortcuts="Alt+Q">
          Quick texts
        </button>
        <button type="submit" className="primary" disabled={busy || !draft.trim()}>
          {mode === 'reply' ? (send.isPending ? 'Sending…' : 'Send') : 'Add note'}
        </button>
      </div>
      <QuickTextPicker
        open={picking}
        values={quickTextValues}
        onClose={() => setPicking(false)}
        onInsert={insert}
      />
    </form>
  );
}
