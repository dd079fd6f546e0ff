'use client';

import type { FieldWidgetProps, KnownVariable } from '@/bot-runtime/flow/nodes/editor/editorKit';
import { removeRow, rowsOf, updateRow } from '@/bot-runtime/flow/nodes/editor/rowEdits';
import type { Card } from '@/bot-runtime/flow/richContent';
import { DraftInput } from './DraftInput';
import { setOptional } from './setOptional';
import { TemplateInput } from './TemplateInput';

type CardButton = Card['buttons'][number];

/** One group per card (title, subtitle, image, buttons); several cards make a carousel. */
export function CardsInput({
  id,
  labelId,
  value,
  variables,
  onChange,
}: FieldWidgetProps<Card[]> & { variables: KnownVariable[] }) {
  const cards = rowsOf<Card>(value);
  const replace = (index: number, card: Card) =>
    onChange(cards.map((old, i) => (i === index ? card : old)));
  return (
    <fieldset className="row-editor" id={id} aria-labelledby={labelId}>
      {cards.map((card, index) => {
        const name = `Card ${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; see bot-runtime/flow/nodes/editor/rowEdits
          <fieldset className="row-editor-group" key={index}>
            <legend>{name}</legend>
            <TemplateInput
              multiline={false}
              label={`${name} title`}
              placeholder="Title"
              value={card.title}
              variables={variables}
              onChange={(title) => replace(index, { ...card, title })}
            />
            <TemplateInput
              multiline={false}
              label={`${name} subtitle`}
              placeholder="Subtitle"
              value={card.subtitle}
              variables={variables}
              onChange={(subtitle) => replace(index, { ...card, subtitle })}
            />
            <input
              aria-label={`${name} image URL`}
              type="url"
              placeholder="Image URL (optional)"
              value={card.imageUrl ?? ''}
              onChange={(e) => replace(index, setOptional(card, 'imageUrl', e.target.value))}
            />
            <CardButtons
              name={name}
              buttons={card.buttons}
              onChange={(buttons) => replace(index, { ...card, buttons })}
            />
            <button
              type="button"
              className="row-editor-add"
              onClick={() => onChange(removeRow(cards, index))}
            >
              Remove {name.toLowerCase()}
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="row-editor-add"
        onClick={() =>
          onChange([...cards, { title: `Card ${cards.length + 1}`, subtitle: '', buttons: [] }])
        }
      >
        Add a card
      </button>
    </fieldset>
  );
}

/** A button either sends a reply back (value) or opens a link (URL). */
function CardButtons({
  name,
  buttons,
  onChange,
}: {
  name: string;
  buttons: CardButton[];
  onChange: (buttons: CardButton[]) => void;
}) {
  return (
    <div className="row-editor">
      {buttons.map((button, index) => {
        const buttonName = `${name} button ${index + 1}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; see bot-runtime/flow/nodes/editor/rowEdits
          <div className="row-editor-row" key={index}>
            <DraftInput
              aria-label={`${buttonName} label`}
              placeholder="Label"
              value={button.label}
              onChange={(label) => onChange(updateRow(buttons, index, { label }))}
            />
            <input
              aria-label={`${buttonName} reply`}
              placeholder="Reply value"
              value={button.value ?? ''}
              onChange={(e) =>
                onChange(
                  buttons.map((b, i) =>
                    i === index ? setOptional(b, 'value', e.target.value) : b,
                  ),
                )
              }
            />
            <input
              aria-label={`${buttonName} link`}
              type="url"
              placeholder="or link URL"
              value={button.url ?? ''}
              onChange={(e) =>
                onChange(
                  buttons.map((b, i) => (i === index ? setOptional(b, 'url', e.target.value) : b)),
                )
              }
            />
            <button
              type="button"
              aria-label={`Remove ${buttonName.toLowerCase()}`}
              onClick={() => onChange(removeRow(buttons, index))}
            >
              ×
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="row-editor-add"
        onClick={() => onChange([...buttons, { label: `Button ${buttons.length + 1}` }])}
      >
        Add a button to {name.toLowerCase()}
      </button>
    </div>
  );
}
