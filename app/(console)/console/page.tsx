import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Console' };

export default function ConsolePage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Agent console</h1>
          <p className="muted">Set your presence, accept conversations and reply to customers.</p>
        </div>
      </div>
      <div className="card empty-state">
        <h2>No conversations waiting</h2>
        <p>Escalated conversations will be offered to you here.</p>
      </div>
    </>
  );
}
