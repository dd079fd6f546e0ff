'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { FieldError } from '@/app/_components/useFieldErrors';
import { useTRPC } from '@/app/_trpc/client';
import { skillInput } from '@/server/routingConfig/skillSchema';
import type { SkillRow } from '@/server/routingConfig/skills';
import { NamedRecordsPage, type RecordFormProps } from '../_components/NamedRecordsPage';
import { RecordFormDialog } from '../_components/RecordFormDialog';

const PAGE_SIZE = 20;

export function SkillsAdmin() {
  const trpc = useTRPC();
  const paged = usePagedSearch(PAGE_SIZE);
  const list = useQuery({
    ...trpc.routingConfig.skills.list.queryOptions(paged.query),
    placeholderData: keepPreviousData,
  });

  return (
    <NamedRecordsPage
      title="Skills"
      description="What agents know. Bots' hand-offs and queues ask for skills at a level from 1 to 10; agents hold them at theirs."
      newRecord={{ label: 'New skill' }}
      search={{
        label: 'Search skills',
        placeholder: 'Search by name',
        pageSize: PAGE_SIZE,
        state: paged,
      }}
      list={list}
      loadingText="Loading skills…"
      emptyText={
        paged.debouncedSearch
          ? `No skills match “${paged.debouncedSearch}”.`
          : 'No skills yet. Add one, then give it to agents under Agents.'
      }
      columns={[
        { header: 'Name', cell: (skill) => skill.name },
        { header: 'Agents', cell: (skill) => skill.agentCount },
        {
          header: 'Used by queues',
          cell: (skill) => skill.queueNames.join(', ') || <span className="muted">none</span>,
        },
      ]}
      nameOf={(skill) => skill.name}
      editLabel="Rename"
      form={(props) => <SkillDialog {...props} />}
      remove={{
        mutation: trpc.routingConfig.skills.delete.mutationOptions(),
        invalidates: trpc.routingConfig.skills.pathKey(),
        title: 'Delete skill?',
        confirmLabel: 'Delete skill',
        message: (skill) =>
          skill.agentCount
            ? `${skill.agentCount} ${skill.agentCount === 1 ? 'agent holds' : 'agents hold'} “${skill.name}” and will lose it.`
            : `Nobody holds “${skill.name}”.`,
      }}
    />
  );
}

function SkillDialog(props: RecordFormProps<SkillRow>) {
  const trpc = useTRPC();
  return (
    <RecordFormDialog
      {...props}
      schema={skillInput}
      read={(form) => ({ name: String(form.get('name')) })}
      create={trpc.routingConfig.skills.create.mutationOptions()}
      update={trpc.routingConfig.skills.rename.mutationOptions()}
      title={(existing) => (existing ? `Rename ${existing.name}` : 'New skill')}
      submitLabel={(existing) => (existing ? 'Rename skill' : 'Add skill')}
    >
      {(existing, fields) => (
        <>
          <label>
            Name
            <input name="name" defaultValue={existing?.name ?? ''} {...fields.ariaFor('name')} />
            <FieldError errors={fields} path="name" />
          </label>
          {existing && (
            <p className="help">
              Queues and waiting conversations follow the new name. Bots' escalate nodes ask for
              skills by name: update the ones that name “{existing.name}”.
            </p>
          )}
        </>
      )}
    </RecordFormDialog>
  );
}
