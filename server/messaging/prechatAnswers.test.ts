import { describe, expect, it } from 'vitest';
import type { PrechatField } from '../../contract/prechat';
import { checkPrechatAnswers } from './prechatAnswers';

const form: PrechatField[] = [
  { name: 'fullName', label: 'Your name', type: 'text', required: true },
  { name: 'email', label: 'Email', type: 'email', required: false },
];

describe('checkPrechatAnswers', () => {
  it('keeps trimmed answers and keys the form does not ask for', () => {
    expect(
      checkPrechatAnswers(form, { fullName: '  Ada ', email: 'ada@example.com', plan: 'gold' }),
    ).toEqual({ ok: true, answers: { fullName: 'Ada', email: 'ada@example.com', plan: 'gold' } });
  });

  it('refuses a missing or blank required answer, naming the field by its label', () => {
    expect(checkPrechatAnswers(form, {})).toEqual({
      ok: false,
      field: 'fullName',
      message: '"Your name" is required.',
    });
    expect(checkPrechatAnswers(form, { fullName: '   ' })).toMatchObject({ ok: false });
  });

  it('refuses an email field that holds no email address, and a non-text answer', () => {
    expect(checkPrechatAnswers(form, { fullName: 'Ada', email: 'not-an-address' })).toEqual({
      ok: false,
      field: 'email',
      message: '"Email" must be an email address.',
    });
    expect(checkPrechatAnswers(form, { fullName: 42 })).toMatchObject({
      ok: false,
      message: '"Your name" must be text.',
    });
  });

  it('drops an optional answer left blank', () => {
    expect(checkPrechatAnswers(form, { fullName: 'Ada', email: ' ' })).toEqual({
      ok: true,
      answers: { fullName: 'Ada' },
    });
  });
});
