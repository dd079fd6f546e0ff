'use client';

import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useDebounced } from '@/app/_components/useDebounced';
import { useTRPC } from '@/app/_trpc/client';
import { fillQuickText, type QuickTextValues } from '@/server/console/fillQuickText';

/**
 * The org's quick texts, searched by title or body; choosing one hands its text back with the
 * `{{contact.name}}`-style variables filled in from this conversation and the agent.
 */
export function QuickTextPicker({
  open,
  values,
  onClose,
  onInsert,
}: {
  open: boolean;
  values: QuickTextValues;
  onClose: () => void;
  onInsert: (text: string) => void;
}) {
  const trpc = useTRPC();
  const [search, setSearch] = useState('');
  const searchBox = useRef<HTMLInputElement>(null);
  // React's autoFocus runs before the <dialog> is shown, when nothing in it can take focus.
  useEffect(() => {
    if (open) searchBox.current?.focus();
  }, [open]);
  const debounced = useDebounced(search);
  const results = useQuery({
    ...trpc.console.quickTexts.queryOptions({ search: debounced }),
    enabled: open,
  });

  return (
    <Dialog open={open} title="Quick texts" onClose={onClose}>
      <label>
        Search quick texts
        <input
          type="search"
          value={search}
          ref={searchBox}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            const first = results.data?.[0];
            if (event.key === 'Enter' && first) {
              event.preventDefault();
              onInsert(fillQuickText(first.body, values));
            }
          }}
          placeholder="Title or words in the text"
        />
      </label>
      {results.isPending ? (
        <p className="muted">Loading quick texts…</p>
      ) : results.isError ? (
        <ErrorAlert error={results.error} />
      ) : results.data.length === 0 ? (
        <p className="muted">
          {debounced
            ? `No quick text matches “${debounced}”.`
            : 'Your organisation has no quick texts yet; an admin adds them.'}
        </p>
      ) : (
        <ul className="quick-text-list">
          {results.data.map((quickText) => (
            <li key={quickText.id}>
              <button type="button" onClick={() => onInsert(fillQuickText(quickText.body, values))}>
                <strong>{quickText.title}</strong>
                <span className="muted">{fillQuickText(quickText.body, values)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <span className="muted">Enter inserts the first match.</span>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
