'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '@/app/_components/ErrorAlert';
import { SaveFormFooter } from '@/app/_components/SaveFormFooter';
import { FieldError, type FieldErrors, useFieldErrors } from '@/app/_components/useFieldErrors';
import { useKeyedRows } from '@/app/_components/useKeyedRows';
import { useTRPC } from '@/app/_trpc/client';
import {
  ROUTING_MODELS,
  type RoutingModel,
  WHEN_NONE_ONLINE,
  type WhenNoneOnline,
} from '@/server/db/enums';
import {
  DAY_NAMES,
  NEW_QUEUE,
  type QueueInput,
  queueInput,
} from '@/server/routingConfig/queueSchema';
import { type SkillLevel, SkillLevelRows } from '../_skills/SkillLevelRows';

export const ROUTING_MODEL_LABELS: Record<RoutingModel, string> = {
  most_available: 'Most available',
  least_active: 'Least active',
};

const ROUTING_MODEL_HELP: Record<RoutingModel, string> = {
  most_available: 'the agent with the most free capacity',
  least_active: 'the agent with the fewest open conversations',
};

const WHEN_NONE_ONLINE_CHOICES: Record<WhenNoneOnline, { label: string; help: string }> = {
  wait: {
    label: 'Wait for one to come online',
    help: 'The customer is told they are in line and keeps their place until an agent takes work.',
  },
  no_agent: {
    label: 'Take the bot’s “No agent available” path',
    help: 'The bot carries on at once, for example offering to leave a message or to call back.',
  },
};

type Slot = { day: number; open: string; close: string };
type Holiday = { date: string; name: string };
type Settings = Omit<
  QueueInput,
  'requiredSkills' | 'optionalSkills' | 'businessHours' | 'memberIds'
>;

/** Every zone this browser knows, with UTC and the queue's own zone even if it is an alias. */
function timeZones(current: string): string[] {
  return [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone'), current])];
}

const WORKDAYS: Slot[] = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' }));

export function QueueEditor({ id }: { id: string | null }) {
  const trpc = useTRPC();
  const queue = useQuery({
    ...trpc.routingConfig.queues.byId.queryOptions({ id: id ?? '' }),
    enabled: id !== null,
  });
  const back = <Link href="/admin/routing/queues">← Queues</Link>;
  if (id !== null && queue.isPending) return <p className="muted">Loading queue…</p>;
  if (id !== null && queue.isError) {
    return (
      <div className="stack">
        <ErrorAlert error={queue.error} />
        {back}
      </div>
    );
  }
  const saved = id !== null && queue.data ? queue.data : NEW_QUEUE;
  return (
    <div className="stack">
      <div className="page-header">
        <div>
          {back}
          <h1>{id === null ? 'New queue' : saved.name}</h1>
          <p className="muted">
            Bots hand off to a queue by its name; its members take the work in turn.
          </p>
        </div>
      </div>
      <QueueForm key={id ?? 'new'} id={id} saved={saved} />
    </div>
  );
}

function QueueForm({ id, saved }: { id: string | null; saved: QueueInput }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const fields = useFieldErrors();
  const [done, setDone] = useState(false);
  const edited = () => setDone(false);
  const { requiredSkills, optionalSkills, businessHours, memberIds, ...savedSettings } = saved;
  const [settings, setSettings] = useState<Settings>(savedSettings);
  const [members, setMembers] = useState(() => new Set(memberIds));
  const toRows = (skills: QueueInput['requiredSkills']) =>
    skills.map(({ skill, minLevel }) => ({ skill, level: minLevel }));
  const required = useKeyedRows<SkillLevel>(toRows(requiredSkills), edited);
  const optional = useKeyedRows<SkillLevel>(toRows(optionalSkills), edited);
  const [hoursOn, setHoursOn] = useState(businessHours !== null);
  const [timeZone, setTimeZone] = useState(
    businessHours?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  const weekly = useKeyedRows<Slot>(businessHours?.weekly ?? WORKDAYS, edited);
  const holidays = useKeyedRows<Holiday>(businessHours?.holidays ?? [], edited);

  const skillOptions = useQuery(trpc.routingConfig.skills.options.queryOptions());
  const queueOptions = useQuery(trpc.routingConfig.queues.options.queryOptions());
  const agentOptions = useQuery(trpc.routingConfig.agents.options.queryOptions());

  const onSaved = () => queryClient.invalidateQueries({ queryKey: trpc.routingConfig.pathKey() });
  const create = useMutation(
    trpc.routingConfig.queues.create.mutationOptions({
      onSuccess: async () => {
        await onSaved();
        router.push('/admin/routing/queues');
      },
      onError: fields.fromServer,
    }),
  );
  const update = useMutation(
    trpc.routingConfig.queues.update.mutationOptions({
      onSuccess: async () => {
        setDone(true);
        await onSaved();
      },
      onError: fields.fromServer,
    }),
  );
  const save = id === null ? create : update;

  const change = (patch: Partial<Settings>) => {
    edited();
    setSettings((current) => ({ ...current, ...patch }));
  };
  const number = (value: number | null) => (value === null || Number.isNaN(value) ? '' : value);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    edited();
    const toSkills = (rows: SkillLevel[]) =>
      rows.map(({ skill, level }) => ({ skill, minLevel: level }));
    const input = fields.check(queueInput, {
      ...settings,
      requiredSkills: toSkills(required.values()),
      optionalSkills: toSkills(optional.values()),
      businessHours: hoursOn
        ? { timeZone, weekly: weekly.values(), holidays: holidays.values() }
        : null,
      memberIds: [...members],
    });
    if (!input) return;
    if (id === null) create.mutate(input);
    else update.mutate({ id, queue: input });
  }

  const skillChoices = (skillOptions.data ?? []).map((skill) => ({
    value: skill.name,
    label: skill.name,
  }));

  return (
    <form className="stack" onSubmit={onSubmit} aria-label="Queue settings" noValidate>
      <section className="card stack" aria-labelledby="queue-basics">
        <h2 id="queue-basics">Basics</h2>
        <label>
          Name
          <input
            value={settings.name}
            onChange={(event) => change({ name: event.target.value })}
            {...fields.ariaFor('name')}
          />
          <FieldError errors={fields} path="name" />
        </label>
        <label>
          Routing model
          <select
            value={settings.routingModel}
            onChange={(event) => change({ routingModel: event.target.value as RoutingModel })}
          >
            {ROUTING_MODELS.map((model) => (
              <option key={model} value={model}>
                {ROUTING_MODEL_LABELS[model]}: {ROUTING_MODEL_HELP[model]}
              </option>
            ))}
          </select>
        </label>
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <label>
            Priority
            <input
              type="number"
              min={0}
              max={99}
              value={number(settings.priority)}
              onChange={(event) => change({ priority: event.target.valueAsNumber })}
              {...fields.ariaFor('priority')}
            />
            <span className="help">0 to 99: lower numbers are served first.</span>
            <FieldError errors={fields} path="priority" />
          </label>
          <label>
            Work item size
            <input
              type="number"
              min={1}
              max={50}
              value={number(settings.workItemSize)}
              onChange={(event) => change({ workItemSize: event.target.valueAsNumber })}
              {...fields.ariaFor('workItemSize')}
            />
            <span className="help">Units of an agent's capacity one conversation uses.</span>
            <FieldError errors={fields} path="workItemSize" />
          </label>
          <label>
            Seconds to accept an offer
            <input
              type="number"
              min={5}
              max={3600}
              value={number(settings.offerTimeoutSeconds)}
              onChange={(event) => change({ offerTimeoutSeconds: event.target.valueAsNumber })}
              {...fields.ariaFor('offerTimeoutSeconds')}
            />
            <span className="help">Then the offer goes to the next agent.</span>
            <FieldError errors={fields} path="offerTimeoutSeconds" />
          </label>
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.autoAccept}
            onChange={(event) => change({ autoAccept: event.target.checked })}
          />
          Auto-accept: conversations go straight to the agent, without an offer to accept
        </label>
      </section>

      <section className="card stack" aria-labelledby="queue-members">
        <h2 id="queue-members">Members</h2>
        <fieldset className="group" {...fields.ariaFor('memberIds')}>
          <legend>Agents who take this queue's work</legend>
          {agentOptions.isPending && <p className="muted">Loading agents…</p>}
          {agentOptions.data?.length === 0 && <p className="muted">No agents yet.</p>}
          <div className="stack" style={{ maxHeight: 260, overflowY: 'auto', gap: 6 }}>
            {agentOptions.data?.map((agent) => (
              <label key={agent.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={members.has(agent.id)}
                  onChange={(event) => {
                    edited();
                    setMembers((current) => {
                      const next = new Set(current);
                      if (event.target.checked) next.add(agent.id);
                      else next.delete(agent.id);
                      return next;
                    });
                  }}
                />
                {agent.name}
                {!agent.active && <span className="help">(deactivated)</span>}
              </label>
            ))}
          </div>
          <FieldError errors={fields} path="memberIds" />
        </fieldset>
      </section>

      <section className="card stack" aria-labelledby="queue-skills">
        <h2 id="queue-skills">Skills</h2>
        <p className="muted">
          Each hand-off brings the skills its escalate node asks for; the queue may add its own.
        </p>
        <SkillLevelRows
          legend="Required skills"
          help="Every conversation of this queue needs these, on top of the hand-off's, at the level or above."
          options={skillChoices}
          rows={required}
          errors={fields}
          path="requiredSkills"
          skillField="skill"
          levelField="minLevel"
          levelLabel="Minimum level"
        />
        <SkillLevelRows
          legend="Optional skills"
          help="Work waits for an agent holding these, even while others are free; after the wait below, any capable agent will do."
          options={skillChoices}
          rows={optional}
          errors={fields}
          path="optionalSkills"
          skillField="skill"
          levelField="minLevel"
          levelLabel="Minimum level"
        />
        <label>
          Seconds to wait for agents with the optional skills
          <input
            type="number"
            min={1}
            max={86400}
            value={number(settings.optionalSkillsWaitSeconds)}
            onChange={(event) =>
              change({
                optionalSkillsWaitSeconds: event.target.value ? event.target.valueAsNumber : null,
              })
            }
            {...fields.ariaFor('optionalSkillsWaitSeconds')}
          />
          <FieldError errors={fields} path="optionalSkillsWaitSeconds" />
        </label>
      </section>

      <section className="card stack" aria-labelledby="queue-overflow">
        <h2 id="queue-overflow">Overflow</h2>
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <label>
            Overflow queue
            <select
              value={settings.overflowQueueId ?? ''}
              onChange={(event) => change({ overflowQueueId: event.target.value || null })}
              {...fields.ariaFor('overflowQueueId')}
            >
              <option value="">None</option>
              {queueOptions.data
                ?.filter((queue) => queue.id !== id)
                .map((queue) => (
                  <option key={queue.id} value={queue.id}>
                    {queue.name}
                  </option>
                ))}
            </select>
            <FieldError errors={fields} path="overflowQueueId" />
          </label>
          <label>
            Seconds before overflowing
            <input
              type="number"
              min={1}
              value={number(settings.overflowAfterSeconds)}
              onChange={(event) =>
                change({
                  overflowAfterSeconds: event.target.value ? event.target.valueAsNumber : null,
                })
              }
              {...fields.ariaFor('overflowAfterSeconds')}
            />
            <FieldError errors={fields} path="overflowAfterSeconds" />
          </label>
        </div>
        <p className="help">
          A conversation still waiting after this long may also go to the overflow queue's members.
        </p>
      </section>

      <section className="card stack" aria-labelledby="queue-hours">
        <h2 id="queue-hours">Business hours</h2>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={hoursOn}
            onChange={(event) => {
              edited();
              setHoursOn(event.target.checked);
            }}
          />
          Open only during business hours
        </label>
        {hoursOn ? (
          <BusinessHoursFields
            timeZone={timeZone}
            onTimeZone={(zone) => {
              edited();
              setTimeZone(zone);
            }}
            weekly={weekly}
            holidays={holidays}
            fields={fields}
          />
        ) : (
          <p className="help">
            Always open. Outside business hours, bots take their “No agent available” path.
          </p>
        )}
      </section>

      <section className="card stack" aria-labelledby="queue-none-online">
        <h2 id="queue-none-online">When capable agents exist but none is online</h2>
        <fieldset className="group">
          <legend>The hand-off should</legend>
          {WHEN_NONE_ONLINE.map((choice) => (
            <label key={choice} className="checkbox" style={{ alignItems: 'flex-start' }}>
              <input
                type="radio"
                name="whenNoneOnline"
                value={choice}
                checked={settings.whenNoneOnline === choice}
                onChange={() => change({ whenNoneOnline: choice })}
              />
              <span>
                {WHEN_NONE_ONLINE_CHOICES[choice].label}
                <span className="help" style={{ display: 'block' }}>
                  {WHEN_NONE_ONLINE_CHOICES[choice].help}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="help">
          When no member holds the skills at all, the bot always takes its “No agent available”
          path.
        </p>
      </section>

      <div className="card stack">
        <SaveFormFooter
          save={save}
          saved={done}
          savedText="Queue saved."
          submitLabel={id === null ? 'Create queue' : 'Save queue'}
        />
      </div>
    </form>
  );
}

function BusinessHoursFields({
  timeZone,
  onTimeZone,
  weekly,
  holidays,
  fields,
}: {
  timeZone: string;
  onTimeZone: (zone: string) => void;
  weekly: ReturnType<typeof useKeyedRows<Slot>>;
  holidays: ReturnType<typeof useKeyedRows<Holiday>>;
  fields: FieldErrors;
}) {
  return (
    <>
      <label>
        Time zone
        <select
          value={timeZone}
          onChange={(event) => onTimeZone(event.target.value)}
          {...fields.ariaFor('businessHours.timeZone')}
        >
          {timeZones(timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <FieldError errors={fields} path="businessHours.timeZone" />
      </label>
      <fieldset className="group">
        <legend>Weekly hours</legend>
        {weekly.rows.map((slot, index) => {
          const path = `businessHours.weekly.${index}`;
          const day = DAY_NAMES[slot.day] ?? '';
          return (
            <div key={slot.key} className="row" style={{ alignItems: 'flex-start' }}>
              <label>
                Day
                <select
                  aria-label={`Day of opening hours ${index + 1}`}
                  value={slot.day}
                  onChange={(event) => weekly.change(slot.key, { day: Number(event.target.value) })}
                >
                  {DAY_NAMES.map((name, value) => (
                    <option key={name} value={value}>
                      {name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Opens
                <input
                  type="time"
                  aria-label={`${day} opens`}
                  value={slot.open}
                  onChange={(event) => weekly.change(slot.key, { open: event.target.value })}
                  {...fields.ariaFor(`${path}.open`)}
                />
                <FieldError errors={fields} path={`${path}.open`} />
              </label>
              <label>
                Closes
                <input
                  type="time"
                  aria-label={`${day} closes`}
                  value={slot.close}
                  onChange={(event) => weekly.change(slot.key, { close: event.target.value })}
                  {...fields.ariaFor(`${path}.close`)}
                />
                <FieldError errors={fields} path={`${path}.close`} />
              </label>
              <button
                type="button"
                className="danger"
                style={{ marginTop: 22 }}
                aria-label={`Remove ${day} ${slot.open}–${slot.close}`}
                onClick={() => weekly.remove(slot.key)}
              >
                Remove
              </button>
            </div>
          );
        })}
        <FieldError errors={fields} path="businessHours.weekly" />
        <div>
          <button
            type="button"
            onClick={() => weekly.add(() => ({ day: 6, open: '09:00', close: '17:00' }))}
          >
            Add opening hours
          </button>
        </div>
      </fieldset>
      <fieldset className="group">
        <legend>Holidays</legend>
        <p className="help">Closed all day, in the queue's time zone.</p>
        {holidays.rows.length === 0 && <p className="muted">None.</p>}
        {holidays.rows.map((holiday, index) => {
          const path = `businessHours.holidays.${index}`;
          return (
            <div key={holiday.key} className="row" style={{ alignItems: 'flex-start' }}>
              <label>
                Date
                <input
                  type="date"
                  aria-label={`Date of holiday ${index + 1}`}
                  value={holiday.date}
                  onChange={(event) => holidays.change(holiday.key, { date: event.target.value })}
                  {...fields.ariaFor(`${path}.date`)}
                />
                <FieldError errors={fields} path={`${path}.date`} />
              </label>
              <label>
                Name
                <input
                  aria-label={`Name of holiday ${index + 1}`}
                  value={holiday.name}
                  onChange={(event) => holidays.change(holiday.key, { name: event.target.value })}
                  {...fields.ariaFor(`${path}.name`)}
                />
                <FieldError errors={fields} path={`${path}.name`} />
              </label>
              <button
                type="button"
                className="danger"
                style={{ marginTop: 22 }}
                aria-label={`Remove holiday ${index + 1}`}
                onClick={() => holidays.remove(holiday.key)}
              >
                Remove
              </button>
            </div>
          );
        })}
        <div>
          <button type="button" onClick={() => holidays.add(() => ({ date: '', name: '' }))}>
            Add holiday
          </button>
        </div>
      </fieldset>
    </>
  );
}
