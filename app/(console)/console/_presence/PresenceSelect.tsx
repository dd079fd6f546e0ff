'use client';

import type { Presence } from '../_live/consoleTypes';
import { BUILT_IN_PRESENCES, PRESENCE_LABELS } from './presenceLabels';

export type PresenceChoice = { presence: Presence } | { statusId: string };

export interface StatusChoice {
  id: string;
  name: string;
  takesWork: boolean;
}

/**
 * A presence picker: the built-in presences, then the org's own statuses ("Lunch",
 * "Training"), each saying whether it takes new work. The agent's switch and the supervisor's
 * table both use it, so both offer the same choices.
 */
export function PresenceSelect({
  presence,
  statusId,
  statuses,
  label,
  disabled,
  onChange,
}: {
  presence: Presence;
  statusId: string | null;
  statuses: readonly StatusChoice[];
  /** The accessible name: the select stands without a visible label. */
  label: string;
  disabled: boolean;
  onChange: (choice: PresenceChoice) => void;
}) {
  return (
    <select
      aria-label={label}
      value={statusId ? `status:${statusId}` : `presence:${presence}`}
      disabled={disabled}
      onChange={(event) => {
        const [kind, choice = ''] = event.target.value.split(/:(.*)/);
        onChange(kind === 'status' ? { statusId: choice } : { presence: choice as Presence });
      }}
    >
      {BUILT_IN_PRESENCES.map((builtIn) => (
        <option key={builtIn} value={`presence:${builtIn}`}>
          {PRESENCE_LABELS[builtIn]}
        </option>
      ))}
      {statuses.length > 0 && (
        <optgroup label="Team statuses">
          {statuses.map((status) => (
            <option key={status.id} value={`status:${status.id}`}>
              {status.name} {status.takesWork ? '(takes work)' : '(no new work)'}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
