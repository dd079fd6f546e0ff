'use client';

import { useState } from 'react';
import { Dialog } from './Dialog';

/** Shows a freshly generated secret the one time it exists in clear. */
export function SecretOnce({
  title,
  label,
  secret,
  onClose,
}: {
  title: string;
  label: string;
  secret: string | null;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <Dialog open={secret !== null} title={title} onClose={onClose}>
      <div className="alert alert-warning">
        Copy it now: Parley stores only a fingerprint and will not show it again.
      </div>
      <div>
        <div className="muted">{label}</div>
        <div className="secret" data-testid="secret-once">
          {secret}
        </div>
      </div>
      <div className="row" style={{ justifyContent: 'flex-end' }}>
        <button
          type="button"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret ?? '').catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="primary" onClick={onClose}>
          I have saved it
        </button>
      </div>
    </Dialog>
  );
}
