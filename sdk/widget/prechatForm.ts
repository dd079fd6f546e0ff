import type { PrechatField } from '../types';
import { h } from './h';

export interface PrechatFormOptions {
  fields: PrechatField[];
  /** Called once, with the trimmed answers; empty optional fields are left out. */
  submit(values: Record<string, string>): void;
}

/** The deployment's questions for a new customer, asked before the first conversation starts. */
export function prechatForm(options: PrechatFormOptions): HTMLFormElement {
  const intro = h('p', { id: 'parley-prechat-intro' }, 'Before we start, tell us about you.');
  const inputs = options.fields.map((field) => ({
    field,
    input: h('input', {
      name: field.name,
      type: field.type,
      required: field.required,
      autocomplete: field.type === 'email' ? 'email' : undefined,
    }),
  }));
  const alert = h('p', { class: 'alert', role: 'alert' });
  const form = h(
    'form',
    { class: 'form prechat', 'aria-labelledby': 'parley-prechat-intro', novalidate: true },
    intro,
    ...inputs.map(({ field, input }) =>
      h('label', {}, field.required ? field.label : `${field.label} (optional)`, input),
    ),
    alert,
    h('button', { type: 'submit' }, 'Start chat'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values: Record<string, string> = {};
    for (const { field, input } of inputs) {
      const value = input.value.trim();
      const problem =
        field.required && !value
          ? `Please fill in “${field.label}”.`
          : value && field.type === 'email' && !input.checkValidity()
            ? `“${field.label}” needs an email address like name@example.com.`
            : '';
      if (problem) {
        alert.textContent = problem;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      if (value) values[field.name] = value;
    }
    options.submit(values);
  });
  return form;
}
