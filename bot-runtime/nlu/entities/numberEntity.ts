import type { EntityMatch } from '../types';
import { findMatches, WORD_END, WORD_START } from './findMatches';

const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
};

/** Digits with an optional sign, thousands separators and decimals, or an English number word. */
const NUMBER = new RegExp(
  `${WORD_START}(?:-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?|${Object.keys(NUMBER_WORDS).join('|')})${WORD_END}`,
  'giu',
);

export function extractNumbers(text: string): EntityMatch[] {
  return findMatches(text, 'number', NUMBER, (match) => {
    const word = NUMBER_WORDS[match[0].toLowerCase()];
    return word ?? Number(match[0].replace(/,/g, ''));
  });
}
