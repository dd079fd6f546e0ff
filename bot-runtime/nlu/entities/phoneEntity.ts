import type { EntityMatch } from '../types';
import { findMatches, WORD_END } from './findMatches';

/** An optional +country code, then digit groups split by spaces, dots, dashes or parentheses. */
const PHONE = new RegExp(
  `(?<![\\p{L}\\p{N}+])(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{1,5}\\)[\\s.-]?)?\\d{2,5}(?:[\\s.-]?\\d{2,5}){1,4}${WORD_END}`,
  'gu',
);
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/** Value: the digits, with a leading + when the customer gave a country code. */
export function extractPhones(text: string): EntityMatch[] {
  return findMatches(text, 'phone', PHONE, (match) => {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return null;
    if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(match[0])) return null; // an ISO date
    return match[0].startsWith('+') ? `+${digits}` : digits;
  });
}
