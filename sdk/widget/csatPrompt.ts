import { h } from './h';

export interface CsatPromptOptions {
  question: string;
  withComment: boolean;
  /** Resolves once the rating is stored; a rejection lets the customer try again. */
  submit(score: number, comment: string | undefined): Promise<void>;
}

/** Asks "how did we do?" with five buttons and an optional comment. */
export function csatPrompt(options: CsatPromptOptions): HTMLElement {
  let score = 0;
  const scoreButtons = [1, 2, 3, 4, 5].map((value) =>
    h(
      'button',
      {
        type: 'button',
        class: 'score',
        'aria-pressed': 'false',
        'aria-label': `${value} out of 5`,
        onclick: () => {
          score = value;
          for (const [index, button] of scoreButtons.entries()) {
            button.setAttribute('aria-pressed', String(index + 1 === value));
          }
          submitButton.disabled = false;
        },
      },
      String(value),
    ),
  );
  const comment = options.withComment
    ? h('textarea', { 'aria-label': 'Comment (optional)', placeholder: 'Anything to add?' })
    : null;
  const submitButton = h('button', { type: 'submit', disabled: true }, 'Send rating');
  const status = h('p', { class: 'alert', role: 'alert' });
  const form = h(
    'form',
    { class: 'csat', 'aria-label': 'Rate this conversation' },
    h('fieldset', {}, h('legend', {}, options.question), ...scoreButtons),
    comment,
    h('div', { class: 'actions' }, submitButton),
    status,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (score === 0) return;
    submitButton.disabled = true;
    options.submit(score, comment?.value.trim() || undefined).then(
      () => {
        form.replaceChildren(h('p', { role: 'status' }, 'Thank you for your feedback!'));
      },
      () => {
        status.textContent = 'Your rating could not be sent. Please try again.';
        submitButton.disabled = false;
      },
    );
  });
  return form;
}
