/** Sets an optional text property, or leaves it out when emptied rather than keeping `""`. */
export function setOptional<Row extends object, Key extends keyof Row>(
  row: Row,
  key: Key,
  text: string,
): Row {
  const { [key]: _, ...rest } = row;
  return (text === '' ? rest : { ...rest, [key]: text }) as Row;
}
