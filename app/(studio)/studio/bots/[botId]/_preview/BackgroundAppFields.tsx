'use client';

import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Pagination } from '@/app/_components/listPage/Pagination';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import type { PreviewSetup } from './previewSetup';

const DEPLOYMENTS_PER_PAGE = 20;

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
        <PushSettingsPicker
          id={`${ids}-push`}
          chosen={background.deployment}
          onChoose={(deployment) => onChange({ deployment })}
        />
      ) : (
        <p className="muted">
          Replies show in the chat. In the background, an agent's reply and the bot's answer after a
          hand-back show as the notification the phone would get.
        </p>
      )}
    </fieldset>
  );
}

/** The org's deployments by name, searched and a page at a time when there are many. */
function PushSettingsPicker({
  id,
  chosen,
  onChoose,
}: {
  id: string;
  chosen: { id: string; name: string } | null;
  onChoose: (deployment: { id: string; name: string } | null) => void;
}) {
  const trpc = useTRPC();
  const paging = usePagedSearch(DEPLOYMENTS_PER_PAGE);
  const deployments = useQuery(trpc.bots.previewDeployments.queryOptions(paging.query));
  const items = deployments.data?.items ?? [];
  // The chosen one stays offered on another page of results, so the select never hides it.
  const offered = chosen && !items.some((d) => d.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={id}>Push settings of</label>
        <select
          id={id}
          value={chosen?.id ?? ''}
          onChange={(event) => {
            const deployment = offered.find((d) => d.id === event.target.value);
            onChoose(deployment ? { id: deployment.id, name: deployment.name } : null);
          }}
        >
          <option value="">No deployment (the defaults)</option>
          {offered.map((deployment) => (
            <option key={deployment.id} value={deployment.id}>
              {deployment.name}
            </option>
          ))}
        </select>
      </div>
      {deployments.isPending && <p className="muted">Loading deployments…</p>}
      {deployments.isError && (
        <p className="field-error" role="alert">
          {errorMessage(deployments.error)}{' '}
          <button type="button" onClick={() => deployments.refetch()}>
            Retry
          </button>
        </p>
      )}
      {deployments.data && deployments.data.total > DEPLOYMENTS_PER_PAGE && (
        <>
          <input
            type="search"
            aria-label="Search deployments for push settings"
            placeholder="Deployment name"
            value={paging.search}
            onChange={(event) => paging.setSearch(event.target.value)}
          />
          <Pagination
            page={deployments.data.page}
            pageSize={deployments.data.pageSize}
            total={deployments.data.total}
            onPage={paging.setPage}
          />
        </>
      )}
    </div>
  );
}
