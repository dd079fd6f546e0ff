'use client';

import { FieldError, type FieldErrors } from '@/app/_components/useFieldErrors';
import type { useKeyedRows } from '@/app/_components/useKeyedRows';

export interface SkillLevel {
  /** The skill as the form stores it: its id for an agent, its name for a queue. */
  skill: string;
  level: number;
}

/**
 * Skills with a level each, added and removed row by row. `path` and the field names place
 * each row's errors where the shared schema reports them (`skills.0.level`).
 */
export function SkillLevelRows({
  legend,
  help,
  options,
  rows,
  errors,
  path,
  skillField,
  levelField,
  levelLabel,
}: {
  legend: string;
  help: string;
  options: { value: string; label: string }[];
  rows: ReturnType<typeof useKeyedRows<SkillLevel>>;
  errors: FieldErrors;
  path: string;
  skillField: string;
  levelField: string;
  levelLabel: string;
}) {
  const unused = options.filter((option) => !rows.rows.some((row) => row.skill === option.value));
  return (
    <fieldset className="group">
      <legend>{legend}</legend>
      <p className="help">{help}</p>
      {rows.rows.length === 0 && <p className="muted">None.</p>}
      {rows.rows.map((row, index) => {
        const name = options.find((option) => option.value === row.skill)?.label ?? row.skill;
        return (
          <div key={row.key} className="row" style={{ alignItems: 'flex-start' }}>
            <label>
              Skill
              <select
                value={row.skill}
                onChange={(event) => rows.change(row.key, { skill: event.target.value })}
                {...errors.ariaFor(`${path}.${index}.${skillField}`)}
              >
                {options
                  .filter(
                    (option) =>
                      option.value === row.skill ||
                      !rows.rows.some((other) => other.skill === option.value),
                  )
                  .map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
              </select>
              <FieldError errors={errors} path={`${path}.${index}.${skillField}`} />
            </label>
            <label>
              {levelLabel}
              <input
                type="number"
                min={1}
                max={10}
                aria-label={`${levelLabel} for ${name}`}
                value={Number.isNaN(row.level) ? '' : row.level}
                onChange={(event) => rows.change(row.key, { level: event.target.valueAsNumber })}
                style={{ width: 90 }}
                {...errors.ariaFor(`${path}.${index}.${levelField}`)}
              />
              <FieldError errors={errors} path={`${path}.${index}.${levelField}`} />
            </label>
            <button
              type="button"
              className="danger"
              style={{ marginTop: 22 }}
              aria-label={`Remove ${name} from ${legend.toLowerCase()}`}
              onClick={() => rows.remove(row.key)}
            >
              Remove
            </button>
          </div>
        );
      })}
      <FieldError errors={errors} path={path} />
      <div>
        <button
          type="button"
          disabled={unused.length === 0}
          onClick={() => rows.add(() => ({ skill: unused[0]?.value ?? '', level: 5 }))}
        >
          Add skill
        </button>
        {options.length === 0 && <span className="help"> Add skills under Skills first.</span>}
      </div>
    </fieldset>
  );
}
