'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { PreviewTurn } from '@/server/bots/previewTurn';
import { suggestedCaseName, testCaseFromPreview } from './testCaseFromPreview';
import './tests.css';

/**
 * "Save as test case" under the preview: keeps the conversation so far, with what happened in
 * it as expectations, under a name the person chooses.
 */
export function SaveAsTestCase({
  botId,
  turns,
  onSaved,
}: {
  botId: string;
  turns: readonly PreviewTurn[];
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const create = useMutation(
    trpc.bots.createTestCase.mutationOptions({
      onSuccess: (stored) => {
        queryClient.invalidateQueries({ queryKey: trpc.bots.testCases.queryKey({ botId }) });
        setSaved(stored.testCase.name);
        setName(null);
        onSaved();
      },
    }),
  );

  if (turns.length < 2) return null;
  if (name === null) {
    return (
      <div className="preview-save-test row">
        <button
          type="button"
          onClick={() => {
            setSaved(null);
            setName(suggestedCaseName(turns));
          }}
        >
          Save as test case
        </button>
        {saved && (
          <span className="muted" role="status">
            Saved “{saved}”.
          </span>
        )}
      </div>
    );
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (name) create.mutate({ botId, testCase: testCaseFromPreview(turns, name.trim()) });
  }

  return (
    <form className="preview-save-test stack" onSubmit={onSubmit} aria-label="Save as test case">
      <label>
        Test case name
        <input
          value={name}
          maxLength={200}
          required
          // biome-ignore lint/a11y/noAutofocus: the field appears because the person asked for it
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      {create.isError && <ErrorAlert error={create.error} />}
      <div className="row">
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save test case'}
        </button>
        <button type="button" onClick={() => setName(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
