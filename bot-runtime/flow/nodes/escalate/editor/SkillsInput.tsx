'use client';

import type { FieldWidgetProps, NodeWidgetProps } from '../../editor/editorKit';
import { removeRow, rowsOf, updateRow } from '../../editor/rowEdits';
import type { EscalateData } from '../escalateData';

type Skill = EscalateData['skills'][number];

/** Rows of "skill, level" an agent needs to take the conversation. */
export function SkillsInput({
  id,
  labelId,
  value,
  kit: { DraftInput },
  onChange,
}: FieldWidgetProps<Skill[]> & Pick<NodeWidgetProps, 'kit'>) {
  const skills = rowsOf<Skill>(value);
  return (
    <fieldset className="row-editor" id={id} aria-labelledby={labelId}>
      {skills.length === 0 && <p className="muted">Any agent of the queue can take it.</p>}
      {skills.map((skill, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; see rowEdits
        <div className="row-editor-row" key={index}>
          <DraftInput
            aria-label={`Skill ${index + 1}`}
            value={skill.skill}
            onChange={(name) => onChange(updateRow(skills, index, { skill: name }))}
          />
          <input
            aria-label={`Skill ${index + 1} level`}
            className="row-editor-number"
            type="number"
            min={1}
            max={10}
            value={skill.level}
            onChange={(e) => {
              if (e.target.value !== '') {
                onChange(updateRow(skills, index, { level: Number(e.target.value) }));
              }
            }}
          />
          <button
            type="button"
            aria-label={`Remove skill ${index + 1}`}
            onClick={() => onChange(removeRow(skills, index))}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="row-editor-add"
        onClick={() => onChange([...skills, { skill: `skill${skills.length + 1}`, level: 1 }])}
      >
        Add a skill
      </button>
    </fieldset>
  );
}
