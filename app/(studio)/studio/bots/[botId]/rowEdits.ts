// The row helpers are shared with the node types' own inspector widgets, so they live beside them.
export { removeRow, rowsOf, updateRow } from '@/bot-runtime/flow/nodes/editor/rowEdits';

/** Sets an optional text property, or leaves it out when emptied rather than keeping `""`. */
export function setOptional<Row extends object, Key extends keyof Row>(
  row: Row,
  key: Key,
  text: string,
): Row {
  const { [key]: _, ...rest } = row;
  return (text === '' ? rest : { ...rest, [key]: text }) as Row;
}
