'use client';

import { useId } from 'react';
import { OrgDeploymentSelect } from './OrgDeploymentSelect';
import type { PreviewSetup } from './previewSetup';

/**
 * Whether the customer's app is in the background, and whose push settings its notifications
 * follow: one of the org's deployments, or the defaults.
 */
export function BackgroundAppFields({
  background,
  onChange,
}: {
  background: PreviewSetup['background'];
  onChange: (background: PreviewSetup['background']) => void;
}) {
  const ids = useId();
  return (
    <fieldset>
      <legend>Customer's app</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={background !== null}
          onChange={(event) => onChange(event.target.checked ? { deployment: null } : null)}
        />
        App in the background
      </label>
      {background ? (
        <div className="stack">
          <OrgDeploymentSelect
            id={`${ids}-push`}
            label="Push settings of"
            noneLabel="No deployment (the defaults)"
            optionLabel={(name) => name}
            searchLabel="Search deployments for push settings"
            chosen={background.deployment}
            onChoose={(deployment) => onChange({ deployment })}
          />
        </div>
      ) : (
        <p className="muted">
          Replies show in the chat. In the background, an agent's reply and the bot's answer after a
          hand-back show as the notification the phone would get.
        </p>
      )}
    </fieldset>
  );
}
