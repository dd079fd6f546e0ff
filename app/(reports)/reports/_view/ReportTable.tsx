'use client';

import { useMemo, useState } from 'react';
import { Pagination } from '@/app/_components/listPage/Pagination';
import { type ColumnSpec, type TableSort, tableCsv, tableModel } from '../_model/reportTable';

const PAGE_SIZE = 20;

/**
 * A sortable report table: each header is a button (Enter or Space sorts, again reverses), and
 * "Export CSV" saves every row, in the table's order, as the table shows them.
 */
export function ReportTable<Row>({
  title,
  columns,
  rows,
  initialSort = null,
  fileName,
}: {
  title: string;
  columns: ColumnSpec<Row>[];
  rows: Row[];
  initialSort?: TableSort | null;
  /** Without ".csv"; the range is appended. */
  fileName: string;
}) {
  const [sort, setSort] = useState<TableSort | null>(initialSort);
  const [page, setPage] = useState(1);
  const model = useMemo(() => tableModel(columns, rows, sort), [columns, rows, sort]);
  const last = Math.max(1, Math.ceil(model.rows.length / PAGE_SIZE));
  const shown = Math.min(page, last);
  const pageRows = model.rows.slice((shown - 1) * PAGE_SIZE, shown * PAGE_SIZE);

  const sortBy = (column: number) => {
    setSort((current) =>
      current?.column === column
        ? {
            column,
            direction: current.direction === 'ascending' ? 'descending' : 'ascending',
          }
        : { column, direction: columns[column]?.numeric ? 'descending' : 'ascending' },
    );
    setPage(1);
  };

  return (
    <div className="report-table">
      <div className="report-table-head">
        <h3>{title}</h3>
        <button
          type="button"
          aria-label={`Export CSV: ${title}`}
          onClick={() => downloadCsv(tableCsv(model), `${fileName}.csv`)}
        >
          Export CSV
        </button>
      </div>
      <table aria-label={title}>
        <thead>
          <tr>
            {model.headers.map((header, index) => (
              <th
                key={header.label}
                scope="col"
                className={header.numeric ? 'numeric' : undefined}
                aria-sort={sort?.column === index ? sort.direction : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => sortBy(index)}>
                  {header.label}
                  <span aria-hidden className="sort-mark">
                    {sort?.column === index ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {pageRows.length === 0 ? (
            <tr>
              <td colSpan={model.headers.length} className="muted">
                None in this range.
              </td>
            </tr>
          ) : (
            pageRows.map((row) => (
              <tr key={row.key}>
                {row.cells.map((cell, index) => (
                  <td
                    key={model.headers[index]?.label}
                    className={model.headers[index]?.numeric ? 'numeric' : undefined}
                  >
                    {cell}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
      {model.rows.length > PAGE_SIZE && (
        <Pagination page={shown} pageSize={PAGE_SIZE} total={model.rows.length} onPage={setPage} />
      )}
    </div>
  );
}

function downloadCsv(csv: string, fileName: string) {
  // The byte order mark makes spreadsheet programs read the file as UTF-8.
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; keeping it would hold the file in memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
