import { useRef, useState } from 'react';

export type Keyed<T> = T & { key: number };

/**
 * An editable list whose rows keep a stable React key while they are added and removed.
 * `onEdit` runs on every change, e.g. to hide a "saved" note.
 */
export function useKeyedRows<T extends object>(initial: T[], onEdit: () => void) {
  const keyed = (items: T[]) => items.map((item, key) => ({ ...item, key }));
  const nextKey = useRef(initial.length);
  const [rows, setRows] = useState<Keyed<T>[]>(() => keyed(initial));
  return {
    rows,
    change(key: number, patch: Partial<T>) {
      onEdit();
      setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
    },
    /** `make` gets the number of rows so far. */
    add(make: (count: number) => T) {
      onEdit();
      const key = nextKey.current++;
      setRows((current) => [...current, { ...make(current.length), key }]);
    },
    remove(key: number) {
      onEdit();
      setRows((current) => current.filter((row) => row.key !== key));
    },
    /** Replaces every row, e.g. with what the server stored. */
    reset(items: T[]) {
      nextKey.current = items.length;
      setRows(keyed(items));
    },
    values(): T[] {
      return rows.map(({ key: _key, ...item }) => item as unknown as T);
    },
  };
}
