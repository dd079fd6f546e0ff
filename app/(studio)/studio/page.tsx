import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Studio' };

export default function StudioPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Bots</h1>
          <p className="muted">Design conversation flows, train intents and publish versions.</p>
        </div>
      </div>
      <div className="card empty-state">
        <h2>No bots yet</h2>
        <p>The visual bot builder is being built; bots you create will be listed here.</p>
      </div>
    </>
  );
}
