import { describe, expect, it } from 'vitest';
import { callThroughEngine } from '../../engine/testing/callThroughEngine';
import { fakeActionContext, jsonResponse } from '../fakeActionContext';
import type { OutboundRequest } from '../types';
import { passwordResetAction } from './passwordResetAction';

const settings = { passwordResetUrl: 'https://accounts.example.com/reset' };
const knownEmail = 'ada@example.com';

/** An accounts service that, like many, says whether it knows the email. */
function accountsService(request: OutboundRequest) {
  const { email } = JSON.parse(request.body ?? '{}') as { email?: string };
  return email === knownEmail
    ? jsonResponse(202, { sent: true })
    : jsonResponse(404, { error: 'no account with this email' });
}

async function reset(input: Record<string, unknown>, verifiedCustomerId?: string) {
  const context = fakeActionContext({ settings, answer: accountsService, verifiedCustomerId });
  const output = await passwordResetAction.run(passwordResetAction.input.parse(input), context);
  return { output, requests: context.requests };
}

describe('passwordReset action', () => {
  it('answers the same for a known and an unknown email', async () => {
    const known = await reset({ email: knownEmail });
    const unknown = await reset({ email: 'nobody@example.com' });

    expect(known.output).toEqual(unknown.output);
    expect(known.output).toMatchObject({ outcome: 'requested' });
    expect(known.output.message).toMatch(/If there's an account with that email address/);
    expect(known.requests).toHaveLength(1);
    expect(unknown.requests).toHaveLength(1);
  });

  it('asks for the email on file when the customer is not verified', async () => {
    const { output, requests } = await reset({ email: '' });
    expect(output).toEqual({
      outcome: 'email_required',
      message: "What's the email address on your account?",
    });
    expect(requests).toHaveLength(0);
  });

  it('asks again when the email is not an email', async () => {
    const { output, requests } = await reset({ email: 'ada at example' });
    expect(output.outcome).toBe('email_invalid');
    expect(requests).toHaveLength(0);
  });

  it('resets a verified customer by id, without asking for an email', async () => {
    const { output, requests } = await reset({ email: '' }, 'cus_42');
    expect(output).toEqual({
      outcome: 'requested',
      message: "I've sent a password reset link to the email address on your account.",
    });
    expect(requests[0]).toMatchObject({ method: 'POST', url: settings.passwordResetUrl });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ customerId: 'cus_42' });
  });

  it('takes a customer id only from the verified identity, never from the flow', async () => {
    const { output, requests } = await reset({ verifiedCustomerId: 'cus_42', email: '' });
    expect(output.outcome).toBe('email_required');
    expect(requests).toHaveLength(0);
  });

  it('keeps the bearer token out of the trace, even from the failure message', async () => {
    const token = 'acc_Vb61nQe4Tz';
    const context = fakeActionContext({
      settings: { ...settings, endpointTokenSecret: 'ACCOUNTS_TOKEN' },
      secret: () => token,
      verifiedCustomerId: 'cus_42',
      answer: (request) => {
        throw new Error(`upstream rejected ${request.headers?.authorization}`);
      },
    });
    const { trace } = await callThroughEngine(passwordResetAction, {}, context);

    expect(context.requests[0]?.headers?.authorization).toBe(`Bearer ${token}`);
    expect(trace.request).toEqual({
      method: 'POST',
      url: settings.passwordResetUrl,
      headers: {
        accept: 'application/json',
        authorization: 'Bearer [secret ACCOUNTS_TOKEN]',
        'content-type': 'application/json',
      },
      body: { customerId: 'cus_42' },
    });
    expect(trace.error?.message).toBe('upstream rejected Bearer [secret ACCOUNTS_TOKEN]');
    expect(JSON.stringify(trace)).not.toContain(token);
  });

  it('fails when the reset service is down, which says nothing about the email', async () => {
    const context = fakeActionContext({ settings, answer: () => jsonResponse(503, {}) });
    await expect(passwordResetAction.run({ email: knownEmail }, context)).rejects.toMatchObject({
      code: 'HTTP_ERROR_STATUS',
    });
  });

  it('fails when the deployment has no reset endpoint', async () => {
    await expect(
      passwordResetAction.run({ email: knownEmail }, fakeActionContext()),
    ).rejects.toMatchObject({ code: 'ACTION_NOT_CONFIGURED' });
  });

  it('previews the same conversation without calling anything', () => {
    expect(passwordResetAction.mock({ email: undefined }).outcome).toBe('email_required');
    expect(passwordResetAction.mock({ email: knownEmail }).outcome).toBe('requested');
  });

  it('previews a verified customer without asking for the email', () => {
    const preview = passwordResetAction.mock(
      { email: undefined },
      { verifiedCustomerId: 'cus_42' },
    );
    expect(preview).toEqual({
      outcome: 'requested',
      message: "I've sent a password reset link to the email address on your account.",
    });
  });
});
