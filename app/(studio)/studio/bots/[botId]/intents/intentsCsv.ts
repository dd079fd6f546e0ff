import type { IntentDefinition } from '@/bot-runtime/flow/nluDefinition';

export const INTENTS_CSV_HEADER = 'intent,phrase';

export interface IntentPhraseRow {
  intent: string;
  phrase: string;
}

export interface ParsedIntentsCsv {
  rows: IntentPhraseRow[];
  /** Lines that could not be read, numbered from 1 as a spreadsheet shows them. */
  errors: { line: number; message: string }[];
}

const INTENT_NAME = /^[A-Za-z_]\w*$/;

/** One `intent,phrase` row per training phrase, quoted as spreadsheets expect. */
export function formatIntentsCsv(intents: readonly IntentDefinition[]): string {
  const lines = [INTENTS_CSV_HEADER];
  for (const intent of intents) {
    for (const phrase of intent.phrases) lines.push(`${csvCell(intent.name)},${csvCell(phrase)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Reads `intent,phrase` rows (RFC 4180 quoting; a header row is optional). */
export function parseIntentsCsv(text: string): ParsedIntentsCsv {
  const rows: IntentPhraseRow[] = [];
  const errors: ParsedIntentsCsv['errors'] = [];
  for (const record of csvRecords(text.replace(/^\uFEFF/, ''))) {
    const [intent = '', phrase = '', ...extra] = record.cells.map((cell) => cell.trim());
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    if (record.line === 1 && `${intent},${phrase}`.toLowerCase() === INTENTS_CSV_HEADER) continue;
    if (extra.some((cell) => cell !== '')) {
      errors.push({ line: record.line, message: 'Expected two columns: intent, phrase.' });
    } else if (!INTENT_NAME.test(intent)) {
      errors.push({
        line: record.line,
        message: `“${intent}” is not an intent name: use letters, digits and underscores, starting with a letter.`,
      });
    } else if (!phrase) {
      errors.push({ line: record.line, message: `The phrase for “${intent}” is empty.` });
    } else {
      rows.push({ intent, phrase });
    }
  }
  return { rows, errors };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function* csvRecords(text: string): Generator<{ line: number; cells: string[] }> {
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      yield { line: recordLine, cells: [...cells, cell] };
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) yield { line: recordLine, cells: [...cells, cell] };
}
