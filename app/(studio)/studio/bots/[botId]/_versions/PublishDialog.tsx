'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { type FormEvent, useState } from 'react';
import { Dialog, DialogFormActions } from '@/app/_components/Dialog';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { useTRPC } from '@/app/_trpc/client';
import type { FlowIssue } from '@/bot-runtime/flow';
import { ProblemsPanel } from '../_problems/ProblemsPanel';
import type { SettingsSection } from '../_settings/flowSettingsEdits';
import { PublishTestCheck, useTestsAllowPublish } from '../_tests/PublishTestCheck';

/**
 * Publishes the saved draft with a note; errors block it and are listed. The draft's test
 * results are shown, and a failed test or one not run since the last change asks for
 * confirmation first.
 */
export function PublishDialog({
  open,
  botId,
  errors,
  saving,
  onClose,
  onFocusNode,
  onOpenSettings,
  onPublished,
}: {
  open: boolean;
  botId: string;
  errors: FlowIssue[];
  saving: boolean;
  onClose: () => void;
  onFocusNode: (nodeId: string) => void;
  onOpenSettings: (section: SettingsSection) => void;
  onPublished: (versionNumber: number) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [publishAnyway, setPublishAnyway] = useState(false);
  const testsPass = useTestsAllowPublish(botId, open);
  const publish = useMutation(
    trpc.bots.publish.mutationOptions({
      onSuccess: (version) => {
        queryClient.invalidateQueries({ queryKey: trpc.bots.versions.queryKey({ botId }) });
        setNote('');
        setPublishAnyway(false);
        onPublished(version.number);
      },
    }),
  );
  const refused = blockingIssues(publish.error);
  const blocking = refused ?? errors;

  function close() {
    publish.reset();
    setPublishAnyway(false);
    onClose();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    publish.mutate({ botId, note });
  }

  return (
    <Dialog open={open} title="Publish a new version" onClose={close}>
      <form className="stack" onSubmit={onSubmit}>
        {blocking.length > 0 ? (
          <>
            <div className="alert alert-error" role="alert">
              Fix {blocking.length} error{blocking.length === 1 ? '' : 's'} before publishing.
            </div>
            <ProblemsPanel
              issues={blocking}
              onFocusNode={(nodeId) => {
                onClose();
                onFocusNode(nodeId);
              }}
              onOpenSettings={(section) => {
                onClose();
                onOpenSettings(section);
              }}
            />
          </>
        ) : (
          publish.isError && <ErrorAlert error={publish.error} />
        )}
        <PublishTestCheck botId={botId} confirmed={publishAnyway} onConfirmed={setPublishAnyway} />
        <label>
          Note
          <textarea
            value={note}
            maxLength={500}
            placeholder="What changed in this version?"
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <p className="muted">
          Publishing trains the intent model and stores an unchangeable version. Deployments keep
          serving their current version until you make this one live.
        </p>
        <DialogFormActions
          onCancel={close}
          busy={publish.isPending || saving}
          busyLabel={publish.isPending ? 'Publishing…' : 'Saving draft…'}
          disabled={errors.length > 0 || !(testsPass || publishAnyway)}
          submitLabel="Publish"
        />
      </form>
    </Dialog>
  );
}

function blockingIssues(error: unknown): FlowIssue[] | null {
  if (!(error instanceof TRPCClientError) || error.data?.domainCode !== 'FLOW_HAS_ERRORS') {
    return null;
  }
  return (error.data.domainDetails as { issues: FlowIssue[] }).issues;
}
