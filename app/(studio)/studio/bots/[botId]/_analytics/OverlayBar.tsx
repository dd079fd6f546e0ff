'use client';

import { errorMessage } from '@/app/_trpc/client';
import { HEAT_LEVELS } from './overlayMarks';
import { type FlowOverlay, OVERLAY_RANGES, type OverlayDays } from './useFlowOverlay';
import './overlay.css';

/** Under the toolbar while the overlay is on: what it shows, the choices, and the legend. */
export function OverlayBar({ overlay }: { overlay: FlowOverlay }) {
  const { versions, counts, version } = overlay;
  return (
    <section className="overlay-bar" aria-label="Analytics overlay">
      <label>
        Version{' '}
        <select
          value={overlay.versionId ?? ''}
          disabled={!versions.data || versions.data.length === 0}
          onChange={(event) => overlay.setVersionId(event.target.value)}
        >
          {versions.data?.map((v) => (
            <option key={v.id} value={v.id}>
              Version {v.number}
              {v.liveOn.length > 0 ? ` (live on ${v.liveOn.join(', ')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        Range{' '}
        <select
          value={overlay.days}
          onChange={(event) => overlay.setDays(Number(event.target.value) as OverlayDays)}
        >
          {OVERLAY_RANGES.map((days) => (
            <option key={days} value={days}>
              Last {days} days
            </option>
          ))}
        </select>
      </label>
      <p className="overlay-status" role="status" aria-live="polite">
        {overlayStatus(overlay)}
      </p>
      {(versions.isError || version.isError || counts.isError) && (
        <div className="alert alert-error" role="alert">
          {errorMessage(versions.error ?? version.error ?? counts.error)}{' '}
          <button
            type="button"
            onClick={() => {
              if (versions.isError) versions.refetch();
              if (version.isError) version.refetch();
              if (counts.isError) counts.refetch();
            }}
          >
            Retry
          </button>
        </div>
      )}
      <ul
        className="overlay-legend"
        aria-label="Ended badly: escalated, abandoned, error or no agent"
      >
        <li className="overlay-legend-title">Ended badly</li>
        {HEAT_LEVELS.map(({ level, label }) => (
          <li key={level}>
            <span className={`overlay-swatch overlay-heat-${level}`} aria-hidden /> {label}
          </li>
        ))}
        <li>
          <span className="overlay-swatch overlay-heat-none" aria-hidden /> not reached
        </li>
      </ul>
    </section>
  );
}

function overlayStatus({ versions, version, counts, versionNumber }: FlowOverlay): string {
  if (versions.isPending) return 'Loading versions…';
  if (versions.data?.length === 0)
    return 'Nothing published yet: the overlay counts published versions.';
  if (version.isPending || counts.isPending) return 'Counting conversations…';
  if (!counts.data) return '';
  const { conversations, from, to, timeZone } = counts.data;
  if (conversations === 0) return 'No conversations on this version in the range.';
  return `${conversations} conversation${conversations === 1 ? '' : 's'} on version ${versionNumber} from ${from} to ${to} (${timeZone}). Click a node for how they ended.`;
}
