'use client';

import { type UseMutationOptions, useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { type FieldErrors, useFieldErrors } from '@/app/_components/useFieldErrors';
import type { RecordFormProps } from './NamedRecordsPage';

/**
 * The dialog that creates or edits one record of a list page: the fields read from the form are
 * checked against the schema the server applies, each error shown beside its field (a refusal
 * the server ties to a field too), then saved by `create` or by `update` with the record's id.
 */
export function RecordFormDialog<
  Row extends { id: string },
  Schema extends z.ZodType,
  CreateData,
  UpdateData,
  SaveError,
>({
  record,
  onClose,
  onSaved,
  schema,
  read,
  create,
  update,
  title,
  submitLabel,
  children,
}: RecordFormProps<Row> & {
  schema: Schema;
  /** The input as the form holds it, before the schema's check. */
  read: (form: FormData) => unknown;
  create: UseMutationOptions<CreateData, SaveError, z.output<Schema>>;
  update: UseMutationOptions<UpdateData, SaveError, z.output<Schema> & { id: string }>;
  title: (existing: Row | null) => string;
  submitLabel: (existing: Row | null) => string;
  /** The fields, given the record being edited (null for a new one). */
  children: (existing: Row | null, fields: FieldErrors) => ReactNode;
}) {
  const fields = useFieldErrors();
  const creating = useMutation({ ...create, onError: fields.fromServer });
  const updating = useMutation({ ...update, onError: fields.fromServer });
  const existing = record !== 'new' ? record : null;
  return (
    <FormDialog
      open={record !== null}
      title={title(existing)}
      mutation={existing ? updating : creating}
      onClose={() => {
        fields.clear();
        onClose();
      }}
      onSubmit={(form) => {
        const input = fields.check(schema, read(form));
        if (!input) return;
        if (existing) updating.mutate({ ...input, id: existing.id }, { onSuccess: onSaved });
        else creating.mutate(input, { onSuccess: onSaved });
      }}
      submitLabel={submitLabel(existing)}
      busyLabel="Saving…"
      checksItsFields
    >
      {children(existing, fields)}
    </FormDialog>
  );
}
