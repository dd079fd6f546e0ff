import type { Entry } from '../types';
import { h } from './h';

export interface EntryActions {
  /** The customer picked a quick reply or a card button. */
  choose(value: string, label: string): void;
  submitForm(values: Record<string, string>): void;
  /** The label the customer saw for a choice value, to show their pick as they saw it. */
  labelFor(value: string): string | undefined;
}

type FormField = {
  name: string;
  label: string;
  type: string;
  required?: boolean;
  options?: string[];
};

/**
 * One conversation entry as the customer sees it: a bubble, buttons, cards, a form, or a short
 * note about the conversation itself. Entries with nothing to show give null.
 */
export function renderEntry(entry: Entry, actions: EntryActions): HTMLElement | null {
  const payload = entry.payload as Record<string, unknown>;
  const text = typeof payload.text === 'string' ? payload.text : '';
  switch (entry.type) {
    case 'text':
      return bubble(text);
    case 'choice': {
      const value = String(payload.value ?? '');
      return bubble(String(payload.label ?? actions.labelFor(value) ?? value));
    }
    case 'form_response':
      return bubble(
        Object.entries((payload.values ?? {}) as Record<string, unknown>)
          .map(([name, value]) => `${name}: ${String(value)}`)
          .join('\n'),
      );
    case 'quick_replies':
      return group(
        text ? bubble(text) : null,
        choiceButtons((payload.options ?? []) as { label: string; value: string }[], actions),
      );
    case 'cards':
      return group(
        text ? bubble(text) : null,
        h(
          'div',
          { class: 'cards' },
          ...((payload.cards ?? []) as CardPayload[]).map((card) => renderCard(card, actions)),
        ),
      );
    case 'image':
      return h('img', {
        class: 'bubble',
        src: String(payload.url ?? ''),
        alt: String(payload.alt ?? ''),
        style: 'max-width: 100%; padding: 0;',
      });
    case 'form_request':
      return group(
        text ? bubble(text) : null,
        renderForm((payload.fields ?? []) as FormField[], actions),
      );
    case 'csat_request':
      return bubble(text);
    case 'participant_changed': {
      const participant = payload.participant as { name?: string } | undefined;
      const verb = payload.change === 'left' ? 'left' : 'joined';
      return note(`${participant?.name ?? 'Someone'} ${verb} the conversation`);
    }
    case 'queue_position': {
      const minutes = Math.ceil(Number(payload.estimatedWaitSeconds ?? 0) / 60);
      return note(
        `You are number ${String(payload.position)} in the queue${minutes > 0 ? ` (about ${minutes} min)` : ''}`,
      );
    }
    case 'csat_response':
      return note(`You rated this conversation ${String(payload.score)} out of 5`);
    case 'status_changed':
      if (payload.to === 'waiting') return note('Connecting you with an agent…');
      if (payload.to === 'ended') return note('The conversation has ended');
      return null;
    default:
      return null;
  }
}

interface CardPayload {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  buttons?: { label: string; value?: string; url?: string }[];
}

function bubble(text: string) {
  return h('div', { class: 'bubble' }, text);
}

function note(text: string) {
  return h('div', { class: 'note' }, text);
}

function group(...children: (HTMLElement | null)[]) {
  return h('div', { class: 'group' }, ...children);
}

function choiceButtons(options: { label: string; value: string }[], actions: EntryActions) {
  return h(
    'div',
    { class: 'choices', role: 'group', 'aria-label': 'Suggested replies' },
    ...options.map((option) =>
      h(
        'button',
        { type: 'button', onclick: () => actions.choose(option.value, option.label) },
        option.label,
      ),
    ),
  );
}

function renderCard(card: CardPayload, actions: EntryActions) {
  return h(
    'div',
    { class: 'card' },
    card.imageUrl ? h('img', { src: card.imageUrl, alt: '' }) : null,
    h(
      'div',
      { class: 'body' },
      h('h3', {}, card.title),
      card.subtitle ? h('p', {}, card.subtitle) : null,
      ...(card.buttons ?? []).map((button) =>
        button.url && /^https?:/i.test(button.url)
          ? h('a', { href: button.url, target: '_blank', rel: 'noopener noreferrer' }, button.label)
          : h(
              'button',
              {
                type: 'button',
                onclick: () => actions.choose(button.value ?? button.label, button.label),
              },
              button.label,
            ),
      ),
    ),
  );
}

function renderForm(fields: FormField[], actions: EntryActions) {
  const form = h('form', { class: 'form' });
  for (const field of fields) {
    const control =
      field.type === 'choice'
        ? h(
            'select',
            { name: field.name, required: field.required },
            ...(field.options ?? []).map((option) => h('option', { value: option }, option)),
          )
        : h('input', {
            name: field.name,
            required: field.required,
            type: field.type === 'phone' ? 'tel' : field.type,
          });
    form.append(h('label', {}, field.label, control));
  }
  form.append(h('button', { type: 'submit' }, 'Send'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    for (const [name, value] of new FormData(form)) values[name] = String(value);
    for (const element of form.querySelectorAll('input, select, button')) {
      (element as HTMLInputElement).disabled = true;
    }
    actions.submitForm(values);
  });
  return form;
}
