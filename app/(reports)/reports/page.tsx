import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Reports' };

export default function ReportsPage() {
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Reports</h1>
          <p className="muted">Volume, handle time, deflection and satisfaction.</p>
        </div>
      </div>
      <div className="card empty-state">
        <h2>No data yet</h2>
        <p>Metrics appear once customers start conversations.</p>
      </div>
    </>
  );
}
