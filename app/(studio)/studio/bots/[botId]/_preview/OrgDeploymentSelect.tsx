'use client';

import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Pagination } from '@/app/_components/listPage/Pagination';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { errorMessage, useTRPC } from '@/app/_trpc/client';

const DEPLOYMENTS_PER_PAGE = 20;

export interface NamedDeployment {
  id: string;
  name: string;
}

/**
 * One of the org's deployments, or none, chosen by name: searched and a page at a time when
 * there are many. The preview asks for one for its real services and for its push settings.
 */
export function OrgDeploymentSelect({
  id,
  label,
  noneLabel,
  optionLabel,
  searchLabel,
  chosen,
  onChoose,
}: {
  id: string;
  label: string;
  noneLabel: string;
  optionLabel: (name: string) => ReactNode;
  searchLabel: string;
  chosen: NamedDeployment | null;
  onChoose: (deployment: NamedDeployment | null) => void;
}) {
  const trpc = useTRPC();
  const paging = usePagedSearch(DEPLOYMENTS_PER_PAGE);
  const deployments = useQuery(trpc.bots.previewDeployments.queryOptions(paging.query));
  const items = deployments.data?.items ?? [];
  // The chosen one stays offered on another page of results, so the select never hides it.
  const offered = chosen && !items.some((d) => d.id === chosen.id) ? [chosen, ...items] : items;
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={chosen?.id ?? ''}
          onChange={(event) => {
            const deployment = offered.find((d) => d.id === event.target.value);
            onChoose(deployment ? { id: deployment.id, name: deployment.name } : null);
          }}
        >
          <option value="">{noneLabel}</option>
          {offered.map((deployment) => (
            <option key={deployment.id} value={deployment.id}>
              {optionLabel(deployment.name)}
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
            aria-label={searchLabel}
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
      {deployments.data?.total === 0 && (
        <p className="muted">The organisation has no deployments (Admin → Deployments).</p>
      )}
    </>
  );
}
