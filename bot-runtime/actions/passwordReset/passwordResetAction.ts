import { z } from 'zod';
import { ActionError } from '../actionError';
import { configuredEndpoint } from '../configuredEndpoint';
import type { ActionDefinition } from '../types';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const passwordResetInput = z.object({
  email: optionalText.describe(
    'The email the customer typed; not needed when the app verified who the customer is',
  ),
});

const passwordResetOutput = z.object({
  outcome: z
    .enum(['requested', 'email_required', 'email_invalid'])
    .describe('email_required and email_invalid: ask for the email, then run again'),
  message: z.string().describe('A sentence the bot can say as it is'),
});

type PasswordResetInput = z.output<typeof passwordResetInput>;
type PasswordResetOutput = z.output<typeof passwordResetOutput>;

const answers = {
  verified: "I've sent a password reset link to the email address on your account.",
  // The same words whether or not an account has this email: the bot must not reveal it.
  unverified:
    "If there's an account with that email address, we've sent it a password reset link. It may take a few minutes to arrive.",
  emailRequired: "What's the email address on your account?",
  emailInvalid: "That doesn't look like an email address. Could you type it again?",
};

export const passwordResetAction: ActionDefinition<PasswordResetInput, PasswordResetOutput> = {
  name: 'passwordReset',
  label: 'Password reset',
  description:
    "Asks the deployment's reset endpoint to email a reset link, to a verified customer or to the email they give, without revealing whether that email has an account.",
  input: passwordResetInput,
  output: passwordResetOutput,

  async run(input, context) {
    const { verifiedCustomerId } = context;
    const next = nextStep(input, verifiedCustomerId);
    if (next.outcome !== 'requested') return next;
    const endpoint = configuredEndpoint(context, 'passwordResetUrl');
    const response = await context.fetch({
      method: 'POST',
      url: endpoint.url,
      headers: { ...endpoint.headers, 'content-type': 'application/json' },
      body: JSON.stringify(
        verifiedCustomerId ? { customerId: verifiedCustomerId } : { email: input.email },
      ),
    });
    // 4xx is how endpoints commonly say "no such account"; only answers that cannot depend on
    // the email (server errors, rate limiting) are failures.
    if (response.status >= 500 || response.status === 429) {
      throw new ActionError(
        'HTTP_ERROR_STATUS',
        `The password reset service answered with status ${response.status}.`,
        { status: response.status },
      );
    }
    return next;
  },

  mock: (input, context) => nextStep(input, context?.verifiedCustomerId),
};

/**
 * What the customer is told, decided before (and whatever) the endpoint answers. Only the
 * host's verified identity skips the email: an id a flow passed in could be anybody's.
 */
function nextStep(
  input: PasswordResetInput,
  verifiedCustomerId: string | undefined,
): PasswordResetOutput {
  if (verifiedCustomerId) return { outcome: 'requested', message: answers.verified };
  if (!input.email) return { outcome: 'email_required', message: answers.emailRequired };
  if (!z.email().safeParse(input.email).success) {
    return { outcome: 'email_invalid', message: answers.emailInvalid };
  }
  return { outcome: 'requested', message: answers.unverified };
}
