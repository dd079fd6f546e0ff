'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
import { SearchBox } from '@/app/_components/listPage/SearchBox';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { FieldError, useFieldErrors } from '@/app/_components/useFieldErrors';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import { skillInput } from '@/server/routingConfig/skillSchema';
import type { SkillRow } from '@/server/routingConfig/skills';

const PAGE_SIZE = 20;

export function SkillsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { page, setPage, search, setSearch, debouncedSearch, query } = usePagedSearch(PAGE_SIZE);
  const [editing, setEditing] = useState<SkillRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SkillRow | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);

  const list = useQuery({
    ...trpc.routingConfig.skills.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.routingConfig.skills.pathKey() });
  const remove = useMutation(
    trpc.routingConfig.skills.delete.mutationOptions({
      onSuccess: refresh,
      onError: (error) => setActionError(errorMessage(error)),
    }),
  );

  return (
    <>
      <ListPageHeader
        title="Skills"
        description="What agents know. Bots' hand-offs and queues ask for skills at a level from 1 to 10; agents hold them at theirs."
      >
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          New skill
        </button>
      </ListPageHeader>
      <div className="card stack">
        <SearchBox
          label="Search skills"
          placeholder="Search by name"
          value={search}
          onChange={setSearch}
        />
        <ListState
          query={list}
          loadingText="Loading skills…"
          emptyText={
            debouncedSearch
              ? `No skills match “${debouncedSearch}”.`
              : 'No skills yet. Add one, then give it to agents under Agents.'
          }
          actionError={actionError}
        >
          {({ items, total }) => (
            <ListTable
              columns={['Name', 'Agents', 'Used by queues']}
              actionsColumn
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={setPage}
            >
              {items.map((skill) => (
                <tr key={skill.id}>
                  <td>{skill.name}</td>
                  <td>{skill.agentCount}</td>
                  <td>{skill.queueNames.join(', ') || <span className="muted">none</span>}</td>
                  <td>
                    <div className="row">
                      <button
                        type="button"
                        aria-label={`Rename ${skill.name}`}
                        onClick={() => setEditing(skill)}
                      >
                        Rename
                      </button>
                      <button
                        type="button"
                        className="danger"
                        aria-label={`Delete ${skill.name}`}
                        onClick={() => {
                          setActionError(null);
                          setDeleting(skill);
                        }}
                      >
                        Delete
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </div>
      <SkillDialog
        skill={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title="Delete skill?"
        message={
          deleting?.agentCount
            ? `${deleting.agentCount} ${deleting.agentCount === 1 ? 'agent holds' : 'agents hold'} “${deleting.name}” and will lose it.`
            : `Nobody holds “${deleting?.name}”.`
        }
        confirmLabel="Delete skill"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ id: deleting.id });
          setDeleting(null);
        }}
      />
    </>
  );
}

function SkillDialog({
  skill,
  onClose,
  onSaved,
}: {
  skill: SkillRow | 'new' | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const fields = useFieldErrors();
  const create = useMutation(
    trpc.routingConfig.skills.create.mutationOptions({ onError: fields.fromServer }),
  );
  const rename = useMutation(
    trpc.routingConfig.skills.rename.mutationOptions({ onError: fields.fromServer }),
  );
  const existing = skill !== 'new' ? skill : null;
  const mutation = existing ? rename : create;
  return (
    <FormDialog
      open={skill !== null}
      title={existing ? `Rename ${existing.name}` : 'New skill'}
      mutation={mutation}
      onClose={() => {
        fields.clear();
        onClose();
      }}
      onSubmit={(form) => {
        const input = fields.check(skillInput, { name: String(form.get('name')) });
        if (!input) return;
        if (existing) rename.mutate({ id: existing.id, ...input }, { onSuccess: onSaved });
        else create.mutate(input, { onSuccess: onSaved });
      }}
      submitLabel={existing ? 'Rename skill' : 'Add skill'}
      busyLabel="Saving…"
      checksItsFields
    >
      <label>
        Name
        <input name="name" defaultValue={existing?.name ?? ''} {...fields.ariaFor('name')} />
        <FieldError errors={fields} path="name" />
      </label>
      {existing && (
        <p className="help">
          Queues and waiting conversations follow the new name. Bots' escalate nodes ask for skills
          by name: update the ones that name “{existing.name}”.
        </p>
      )}
    </FormDialog>
  );
}
