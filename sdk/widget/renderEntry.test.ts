// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Entry } from '../types';
import { renderEntry } from './renderEntry';

const MARKUP = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';

function entry(type: Entry['type'], payload: Record<string, unknown>): Entry {
  return {
    id: 'e1',
    seq: 1,
    actor: { type: 'bot', name: MARKUP },
    type,
    payload,
    createdAt: new Date(0).toISOString(),
    status: 'sent',
  } as Entry;
}

const actions = { choose: vi.fn(), submitForm: vi.fn(), labelFor: () => undefined };

/** Elements the markup would have created, had any text gone in as HTML. */
function injected(element: HTMLElement | null) {
  return element?.querySelectorAll('img[src="x"], script, svg, [onerror], [onload]').length;
}

describe('renderEntry keeps what people write as text', () => {
  it('shows a message, quick replies, a form and a participant exactly as written', () => {
    const rendered = [
      renderEntry(entry('text', { text: MARKUP }), actions),
      renderEntry(
        entry('quick_replies', { text: MARKUP, options: [{ label: MARKUP, value: 'v' }] }),
        actions,
      ),
      renderEntry(
        entry('form_request', {
          text: MARKUP,
          fields: [{ name: 'n', label: MARKUP, type: 'text' }],
        }),
        actions,
      ),
      renderEntry(entry('form_response', { values: { [MARKUP]: MARKUP } }), actions),
      renderEntry(
        entry('participant_changed', { change: 'joined', participant: { name: MARKUP } }),
        actions,
      ),
    ];
    for (const element of rendered) {
      expect(element?.textContent).toContain(MARKUP);
      expect(injected(element)).toBe(0);
    }
  });

  it('links a card button only to a web address; any other scheme becomes a plain button', () => {
    const card = renderEntry(
      entry('cards', {
        cards: [
          {
            title: MARKUP,
            subtitle: MARKUP,
            buttons: [
              { label: 'Script', url: 'javascript:alert(1)' },
              { label: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
              { label: 'Track', url: 'https://shop.example/track' },
            ],
          },
        ],
      }),
      actions,
    );
    expect(injected(card)).toBe(0);
    const links = [...(card?.querySelectorAll('a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://shop.example/track']);
    const buttons = [...(card?.querySelectorAll('button') ?? [])].map((b) => b.textContent);
    expect(buttons).toEqual(['Script', 'Data']);
  });
});
