import { testPattern } from '../../../patterns/safeRegex';
import type { JsonValue } from '../../json';
import type { AskData } from './askData';

export type ParsedAnswer = { ok: true; value: JsonValue } | { ok: false };

const DAY_MS = 86_400_000;
const YES = new Set(['yes', 'y', 'yeah', 'yep', 'yup', 'sure', 'ok', 'okay', 'correct', 'true']);
const NO = new Set(['no', 'n', 'nope', 'nah', 'not really', 'false', 'incorrect']);

/** Checks a customer's answer against the ask node's type and normalises it for storage. */
export function parseAnswer(answer: JsonValue, data: AskData, now: number): ParsedAnswer {
  if (typeof answer === 'number' && data.answerType === 'number') return accept(answer);
  if (typeof answer === 'boolean' && data.answerType === 'yesno') return accept(answer);
  if (typeof answer !== 'string') return { ok: false };
  const text = answer.trim();
  if (text === '') return { ok: false };
  return parsers[data.answerType](text, data, now);
}

type Parser = (text: string, data: AskData, now: number) => ParsedAnswer;

const parsers: Record<AskData['answerType'], Parser> = {
  text: (text) => accept(text),
  number: (text) => {
    const match = /-?\d+(?:[.,]\d+)?/.exec(text.replace(/(\d),(\d{3})\b/g, '$1$2'));
    return match ? accept(Number(match[0].replace(',', '.'))) : { ok: false };
  },
  email: (text) => {
    const match = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i.exec(text);
    return match ? accept(match[0].toLowerCase()) : { ok: false };
  },
  phone: (text) => {
    const match = /\+?\d[\d\s().-]{5,}\d/.exec(text);
    const digits = match?.[0].replace(/\D/g, '') ?? '';
    if (digits.length < 7 || digits.length > 15) return { ok: false };
    return accept(match?.[0].startsWith('+') ? `+${digits}` : digits);
  },
  date: (text, _data, now) => parseDate(text.toLowerCase(), now),
  yesno: (text) => {
    const word = text.toLowerCase().replace(/[.!]+$/, '');
    if (YES.has(word)) return accept(true);
    if (NO.has(word)) return accept(false);
    return { ok: false };
  },
  choice: (text, data) => {
    const wanted = text.toLowerCase();
    const position = Number(wanted);
    const option =
      data.options.find(
        (o) => o.value.toLowerCase() === wanted || o.label.toLowerCase() === wanted,
      ) ?? (Number.isInteger(position) ? data.options[position - 1] : undefined);
    return option ? accept(option.value) : { ok: false };
  },
  // The whole answer must match; a pattern that cannot run, or an answer too long to check,
  // accepts nothing.
  regex: (text, data) =>
    testPattern(data.pattern, text, { whole: true }).matched ? accept(text) : { ok: false },
};

function parseDate(text: string, now: number): ParsedAnswer {
  const relative: Record<string, number> = { today: 0, tomorrow: 1, yesterday: -1 };
  const offset = relative[text];
  if (offset !== undefined) return accept(isoDate(new Date(now + offset * DAY_MS)));
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : dayFirst
      ? [dayFirst[3], dayFirst[2], dayFirst[1]]
      : [];
  if (!year || !month || !day) return { ok: false };
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) {
    return { ok: false };
  }
  return accept(isoDate(date));
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function accept(value: JsonValue): ParsedAnswer {
  return { ok: true, value };
}
