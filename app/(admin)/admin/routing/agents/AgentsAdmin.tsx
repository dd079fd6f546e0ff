'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
import { SearchBox } from '@/app/_components/listPage/SearchBox';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { FieldError, useFieldErrors } from '@/app/_components/useFieldErrors';
import { useKeyedRows } from '@/app/_components/useKeyedRows';
import { useTRPC } from '@/app/_trpc/client';
import { agentInput } from '@/server/routingConfig/agentSchema';
import type { AgentRow } from '@/server/routingConfig/agents';
import { BUILT_IN_PRESENCE } from '@/server/routingConfig/presenceStatusSchema';
import { type SkillLevel, SkillLevelRows } from '../_skills/SkillLevelRows';

const PAGE_SIZE = 20;

const presenceName = (agent: AgentRow) =>
  agent.presenceStatusName ??
  BUILT_IN_PRESENCE.find((status) => status.presence === agent.presence)?.name ??
  agent.presence;

export function AgentsAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { page, setPage, search, setSearch, debouncedSearch, query } = usePagedSearch(PAGE_SIZE);
  const [editing, setEditing] = useState<AgentRow | null>(null);
  const list = useQuery({
    ...trpc.routingConfig.agents.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <ListPageHeader
        title="Agents"
        description="Who takes conversations: how many at once, the skills they hold and the queues they serve."
      />
      <div className="card stack">
        <SearchBox
          label="Search agents"
          placeholder="Search by name or email"
          value={search}
          onChange={setSearch}
        />
        <ListState
          query={list}
          loadingText="Loading agents…"
          emptyText={
            debouncedSearch
              ? `No agents match “${debouncedSearch}”.`
              : 'No agents yet: add staff with the agent role under Users.'
          }
        >
          {({ items, total }) => (
            <ListTable
              columns={['Name', 'Presence', 'Capacity', 'Skills', 'Queues']}
              actionsColumn
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={setPage}
            >
              {items.map((agent) => (
                <tr key={agent.id}>
                  <td>
                    {agent.name}
                    <div className="help">
                      {agent.email} · {agent.role}
                      {agent.active ? '' : ' · deactivated'}
                    </div>
                  </td>
                  <td>{presenceName(agent)}</td>
                  <td>
                    {agent.load} of {agent.capacity} in use
                  </td>
                  <td>
                    {agent.skills.map((skill) => `${skill.name} ${skill.level}`).join(', ') || (
                      <span className="muted">none</span>
                    )}
                  </td>
                  <td>
                    {agent.queues.map((queue) => queue.name).join(', ') || (
                      <span className="muted">none</span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={`Edit ${agent.name}`}
                      onClick={() => setEditing(agent)}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </div>
      <AgentDialog
        agent={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          queryClient.invalidateQueries({ queryKey: trpc.routingConfig.pathKey() });
        }}
      />
    </>
  );
}

function AgentDialog({
  agent,
  onClose,
  onSaved,
}: {
  agent: AgentRow | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const fields = useFieldErrors();
  const update = useMutation(
    trpc.routingConfig.agents.update.mutationOptions({ onError: fields.fromServer }),
  );
  return (
    <FormDialog
      open={agent !== null}
      title={`Edit ${agent?.name ?? 'agent'}`}
      mutation={update}
      onClose={() => {
        fields.clear();
        onClose();
      }}
      onSubmit={(form) => {
        if (!agent) return;
        const input = fields.check(agentInput, {
          capacity: Number(form.get('capacity') || Number.NaN),
          skills: JSON.parse(String(form.get('skills'))),
          queueIds: form.getAll('queueIds').map(String),
        });
        if (input) update.mutate({ userId: agent.id, agent: input }, { onSuccess: onSaved });
      }}
      submitLabel="Save agent"
      busyLabel="Saving…"
      checksItsFields
    >
      {agent && <AgentFields agent={agent} fields={fields} />}
    </FormDialog>
  );
}

/** The dialog's fields; the skills travel in a hidden field so the form carries everything. */
function AgentFields({
  agent,
  fields,
}: {
  agent: AgentRow;
  fields: ReturnType<typeof useFieldErrors>;
}) {
  const trpc = useTRPC();
  const skillOptions = useQuery(trpc.routingConfig.skills.options.queryOptions());
  const queueOptions = useQuery(trpc.routingConfig.queues.options.queryOptions());
  const skills = useKeyedRows<SkillLevel>(
    agent.skills.map((skill) => ({ skill: skill.skillId, level: skill.level })),
    () => {},
  );
  const held = skills.values().map(({ skill, level }) => ({ skillId: skill, level }));
  return (
    <>
      <label>
        Capacity
        <input
          name="capacity"
          type="number"
          min={1}
          max={50}
          defaultValue={agent.capacity}
          {...fields.ariaFor('capacity')}
        />
        <span className="help">
          Units of work at once; each queue says how many units one of its conversations uses.
        </span>
        <FieldError errors={fields} path="capacity" />
      </label>
      <input type="hidden" name="skills" value={JSON.stringify(held)} />
      {skillOptions.isPending ? (
        <p className="muted">Loading skills…</p>
      ) : (
        <SkillLevelRows
          legend="Skills"
          help="Levels from 1 to 10; a hand-off or queue asking for a level takes agents at that level or above."
          options={(skillOptions.data ?? []).map((skill) => ({
            value: skill.id,
            label: skill.name,
          }))}
          rows={skills}
          errors={fields}
          path="skills"
          skillField="skillId"
          levelField="level"
          levelLabel="Level"
        />
      )}
      <fieldset className="group">
        <legend>Queues</legend>
        {queueOptions.isPending && <p className="muted">Loading queues…</p>}
        {queueOptions.data?.length === 0 && <p className="muted">No queues yet.</p>}
        {queueOptions.data?.map((queue) => (
          <label key={queue.id} className="checkbox">
            <input
              type="checkbox"
              name="queueIds"
              value={queue.id}
              defaultChecked={agent.queues.some((member) => member.id === queue.id)}
            />
            {queue.name}
          </label>
        ))}
        <FieldError errors={fields} path="queueIds" />
      </fieldset>
    </>
  );
}
