'use client';

import type { ReactNode } from 'react';
import { Pagination } from './Pagination';

/** One page of a list as a table (`children`: its rows), with the way to the other pages. */
export function ListTable({
  columns,
  actionsColumn = false,
  page,
  pageSize,
  total,
  onPage,
  children,
}: {
  columns: string[];
  /** A last, unlabelled column for each row's buttons. */
  actionsColumn?: boolean;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  children: ReactNode;
}) {
  return (
    <>
      <table>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column}>{column}</th>
            ))}
            {actionsColumn && <th />}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
      <Pagination page={page} pageSize={pageSize} total={total} onPage={onPage} />
    </>
  );
}
