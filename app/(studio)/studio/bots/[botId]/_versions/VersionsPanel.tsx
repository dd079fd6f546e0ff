'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { errorMessage, useTRPC } from '@/app/_trpc/client';

/**
 * Who published what and when; open a version read-only, compare it with the draft or another
 * version, restore it, or make it live.
 */
export function VersionsPanel({
  botId,
  canEdit,
  viewingVersionId,
  onOpen,
  onCompare,
  onRestore,
}: {
  botId: string;
  canEdit: boolean;
  viewingVersionId: string | null;
  onOpen: (versionId: string) => void;
  /** `against` null compares with the draft. */
  onCompare: (versionId: string, against: string | null) => void;
  onRestore: (versionId: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.bots.versions.queryOptions({ botId }));
  const deployments = useQuery({ ...trpc.bots.liveVersions.queryOptions(), enabled: canEdit });
  const [goLive, setGoLive] = useState<{
    versionId: string;
    number: number;
    deploymentId: string;
  } | null>(null);
  const setLive = useMutation(
    trpc.bots.setLiveVersion.mutationOptions({
      onSuccess: () => {
        queryClient.invalidateQueries({ queryKey: trpc.bots.versions.queryKey({ botId }) });
        queryClient.invalidateQueries({ queryKey: trpc.bots.liveVersions.queryKey() });
      },
    }),
  );

  if (versions.isPending) return <p className="muted">Loading versions…</p>;
  if (versions.isError) {
    return (
      <div className="alert alert-error" role="alert">
        {errorMessage(versions.error)}{' '}
        <button type="button" onClick={() => versions.refetch()}>
          Retry
        </button>
      </div>
    );
  }
  if (versions.data.length === 0) {
    return <p className="muted">Nothing published yet. Publish to create version 1.</p>;
  }
  const deploymentName = (id: string) => deployments.data?.find((d) => d.id === id)?.name ?? id;
  return (
    <div className="stack">
      {setLive.isError && <ErrorAlert error={setLive.error} />}
      <ul className="versions" aria-label="Versions">
        {versions.data.map((version) => (
          <li key={version.id} className={viewingVersionId === version.id ? 'is-current' : ''}>
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <strong>Version {version.number}</strong>
              {version.liveOn.length > 0 && (
                <span className="badge badge-success">live on {version.liveOn.join(', ')}</span>
              )}
            </div>
            <div className="muted">
              {version.author ?? 'Unknown'} · {version.createdAt.toLocaleString()}
            </div>
            {version.note && <div>{version.note}</div>}
            <div className="row">
              <button type="button" onClick={() => onOpen(version.id)}>
                Open
              </button>
              <button
                type="button"
                aria-label={`Compare version ${version.number} with draft`}
                onClick={() => onCompare(version.id, null)}
              >
                Compare with draft
              </button>
              {versions.data.length > 1 && (
                <select
                  aria-label={`Compare version ${version.number} with another version`}
                  value=""
                  onChange={(e) => e.target.value && onCompare(version.id, e.target.value)}
                >
                  <option value="">Compare with version…</option>
                  {versions.data
                    .filter((other) => other.id !== version.id)
                    .map((other) => (
                      <option key={other.id} value={other.id}>
                        Version {other.number}
                      </option>
                    ))}
                </select>
              )}
              {canEdit && (
                <button type="button" onClick={() => onRestore(version.id)}>
                  Restore to draft
                </button>
              )}
              {canEdit && deployments.data && deployments.data.length > 0 && (
                <select
                  aria-label={`Make version ${version.number} live on`}
                  value=""
                  onChange={(e) =>
                    e.target.value &&
                    setGoLive({
                      versionId: version.id,
                      number: version.number,
                      deploymentId: e.target.value,
                    })
                  }
                >
                  <option value="">Make live on…</option>
                  {deployments.data.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                      {d.versionNumber ? ` (now ${d.botName} v${d.versionNumber})` : ''}
                    </option>
                  ))}
                </select>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={goLive !== null}
        title="Make this version live?"
        message={
          goLive &&
          `New conversations on ${deploymentName(goLive.deploymentId)} will use version ${goLive.number}. Conversations already running stay on the version they started with.`
        }
        confirmLabel="Make live"
        onCancel={() => setGoLive(null)}
        onConfirm={() => {
          if (goLive) {
            setLive.mutate({
              deploymentId: goLive.deploymentId,
              botId,
              versionId: goLive.versionId,
            });
          }
          setGoLive(null);
        }}
      />
    </div>
  );
}
