'use client';

import { Fragment, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { METRIC_DEFINITIONS } from '@/server/reports/metricDefinitions';

/**
 * A metric's "?" button: its definition over the database's fields, the same words as the
 * README. Escape or a click elsewhere closes it, and focus goes back to the button.
 */
export function MetricHelp({ metric }: { metric: string }) {
  const definition = METRIC_DEFINITIONS.find((d) => d.id === metric);
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLSpanElement>(null);
  const popover = useRef<HTMLSpanElement>(null);
  const [shift, setShift] = useState(0);

  // A "?" near the window's right edge opens its text leftwards, inside the window.
  useLayoutEffect(() => {
    if (!open || !popover.current) return;
    const box = popover.current.getBoundingClientRect();
    const overflow = box.right + shift - (document.documentElement.clientWidth - 8);
    setShift(Math.max(0, overflow));
  }, [open, shift]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  if (!definition) throw new Error(`No definition for the metric ${metric}`);
  return (
    <span className="metric-help" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="metric-help-button"
        aria-expanded={open}
        aria-controls={popoverId}
        aria-label={`How ${definition.title} is counted`}
        onClick={() => setOpen((was) => !was)}
      >
        ?
      </button>
      <span
        id={popoverId}
        role="note"
        aria-label={`${definition.title}: definition`}
        ref={popover}
        className="metric-help-popover card"
        style={shift ? { left: -shift } : undefined}
        hidden={!open}
      >
        <strong>{definition.title}</strong> <DefinitionText text={definition.definition} />
      </span>
    </span>
  );
}

/** The definition's `field` names, marked as in the README, shown as code. */
function DefinitionText({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, index) => (
        // The parts never move: the index is a stable key here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Fragment key={index}>{index % 2 === 1 ? <code>{part}</code> : part}</Fragment>
      ))}
    </>
  );
}
