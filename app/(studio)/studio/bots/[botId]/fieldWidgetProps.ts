/**
 * What every structured inspector editor gets from the field it draws: the ids that tie it to its
 * label, the stored value as it is (possibly not yet valid) and where to send a new one.
 */
export interface FieldWidgetProps<T> {
  id: string;
  labelId: string;
  value: unknown;
  onChange: (value: T) => void;
}
