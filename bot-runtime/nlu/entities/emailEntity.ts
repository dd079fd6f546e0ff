import type { EntityMatch } from '../types';
import { findMatches } from './findMatches';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function extractEmails(text: string): EntityMatch[] {
  return findMatches(text, 'email', EMAIL, (match) => match[0].toLowerCase());
}
