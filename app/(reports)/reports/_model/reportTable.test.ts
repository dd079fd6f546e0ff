import { describe, expect, it } from 'vitest';
import { type ColumnSpec, tableCsv, tableModel } from './reportTable';

interface Agent {
  name: string;
  responses: number;
  average: number | null;
}

const columns: ColumnSpec<Agent>[] = [
  { header: 'Agent', value: (row) => row.name },
  { header: 'Answers', value: (row) => row.responses, numeric: true },
  {
    header: 'Average, of 5',
    value: (row) => row.average,
    text: (value) => (value === null ? '—' : Number(value).toFixed(2)),
    numeric: true,
  },
];

const agents: Agent[] = [
  { name: 'Bob "the builder"', responses: 2, average: 3 },
  { name: 'Smith, Alice', responses: 10, average: 4.5 },
  { name: 'Carol\nsecond line', responses: 2, average: null },
  { name: 'Dan', responses: 9, average: 1.25 },
];

/** A strict RFC 4180 reader, to check the file reads back as the table's cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else field += c;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('a report table and its CSV', () => {
  it('sorts by a column either way, empty values last, ties in their given order', () => {
    const byAnswers = tableModel(columns, agents, { column: 1, direction: 'descending' });
    expect(byAnswers.rows.map((r) => r.cells[0])).toEqual([
      'Smith, Alice',
      'Dan',
      'Bob "the builder"',
      'Carol\nsecond line',
    ]);
    const byAverage = tableModel(columns, agents, { column: 2, direction: 'ascending' });
    expect(byAverage.rows.map((r) => r.cells[2])).toEqual(['1.25', '3.00', '4.50', '—']);
    const descending = tableModel(columns, agents, { column: 2, direction: 'descending' });
    expect(descending.rows.map((r) => r.cells[2])).toEqual(['4.50', '3.00', '1.25', '—']);
    const unsorted = tableModel(columns, agents, null);
    expect(unsorted.rows.map((r) => r.cells[0])).toEqual(agents.map((a) => a.name));
  });

  it('exports exactly the cells the table shows, in its order, quoting commas, quotes and line breaks', () => {
    const model = tableModel(columns, agents, { column: 0, direction: 'ascending' });
    const csv = tableCsv(model);
    expect(parseCsv(csv)).toEqual([
      model.headers.map((h) => h.label),
      ...model.rows.map((r) => r.cells),
    ]);
    expect(csv).toBe(
      [
        'Agent,Answers,"Average, of 5"',
        '"Bob ""the builder""",2,3.00',
        '"Carol\nsecond line",2,—',
        'Dan,9,1.25',
        '"Smith, Alice",10,4.50',
        '',
      ].join('\r\n'),
    );
  });

  it('exports the header alone for a table with no rows', () => {
    expect(tableCsv(tableModel(columns, [], null))).toBe('Agent,Answers,"Average, of 5"\r\n');
  });
});
