/** Rows of the inspector's list editors have no id of their own: their place is their identity. */
export function updateRow<Row>(rows: readonly Row[], index: number, patch: Partial<Row>): Row[] {
  return rows.map((row, i) => (i === index ? { ...row, ...patch } : row));
}

export function removeRow<Row>(rows: readonly Row[], index: number): Row[] {
  return rows.filter((_, i) => i !== index);
}

export function rowsOf<Row>(value: unknown): Row[] {
  return Array.isArray(value) ? (value as Row[]) : [];
}
