'use client';

import { useState } from 'react';

/**
 * The line under the toolbar: what just happened, or why an action failed. Clearing the error
 * before an action keeps an earlier notice, so the two are kept apart.
 */
export function useEditorBanner() {
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return {
    notice,
    error,
    setNotice,
    setError,
    dismiss: () => {
      setNotice(null);
      setError(null);
    },
  };
}
