'use client';

import type { FieldWidgetProps } from '@/bot-runtime/flow/nodes/editor/editorKit';

type Image = { url: string; alt: string } | null;

/** An image URL and its description; emptying the URL removes the image. */
export function ImageInput({ id, labelId, value, onChange }: FieldWidgetProps<Image>) {
  const image = value && typeof value === 'object' ? (value as NonNullable<Image>) : null;
  return (
    <fieldset className="row-editor" id={id} aria-labelledby={labelId}>
      <input
        aria-label="Image URL"
        type="url"
        placeholder="https://…"
        value={image?.url ?? ''}
        onChange={(e) =>
          onChange(e.target.value === '' ? null : { url: e.target.value, alt: image?.alt ?? '' })
        }
      />
      <input
        aria-label="Image description"
        placeholder="What the image shows, for screen readers"
        disabled={!image}
        value={image?.alt ?? ''}
        onChange={(e) => image && onChange({ ...image, alt: e.target.value })}
      />
    </fieldset>
  );
}
