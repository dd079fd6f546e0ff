/**
 * One model for every report table: the rows as they are shown (sorted, formatted) and the
 * CSV exported from exactly those rows and columns, so the file always says what the table
 * says.
 */
export type SortDirection = 'ascending' | 'descending';

export interface TableSort {
  column: number;
  direction: SortDirection;
}

export interface ColumnSpec<Row> {
  header: string;
  /** What the column sorts by; null sorts last either way. */
  value: (row: Row) => string | number | null;
  /** How the value reads in the table and in the CSV; "—" for null unless given. */
  text?: (value: string | number | null, row: Row) => string;
  numeric?: boolean;
}

export interface TableModel {
  headers: { label: string; numeric: boolean }[];
  rows: { key: string; cells: string[] }[];
}

export function tableModel<Row>(
  columns: ColumnSpec<Row>[],
  rows: Row[],
  sort: TableSort | null,
): TableModel {
  const valued = rows.map((row, index) => ({
    row,
    index,
    values: columns.map((column) => column.value(row)),
  }));
  if (sort && columns[sort.column]) {
    const sign = sort.direction === 'ascending' ? 1 : -1;
    valued.sort((a, b) => {
      const x = a.values[sort.column] ?? null;
      const y = b.values[sort.column] ?? null;
      if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x).localeCompare(String(y), undefined, { numeric: true });
      return order * sign || a.index - b.index;
    });
  }
  return {
    headers: columns.map((column) => ({ label: column.header, numeric: column.numeric ?? false })),
    rows: valued.map(({ row, index, values }) => ({
      key: String(index),
      cells: columns.map((column, i) => {
        const value = values[i] ?? null;
        return column.text ? column.text(value, row) : value === null ? '—' : String(value);
      }),
    })),
  };
}

/** RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted. */
export function tableCsv(model: TableModel): string {
  const lines = [model.headers.map((header) => header.label), ...model.rows.map((r) => r.cells)];
  return `${lines.map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
