'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '@/app/_components/Dialog';
import { FormDialog } from '@/app/_components/listPage/FormDialog';
import { ListPageHeader } from '@/app/_components/listPage/ListPageHeader';
import { ListState } from '@/app/_components/listPage/ListState';
import { ListTable } from '@/app/_components/listPage/ListTable';
import { SearchBox } from '@/app/_components/listPage/SearchBox';
import { usePagedSearch } from '@/app/_components/listPage/usePagedSearch';
import { SecretOnce } from '@/app/_components/SecretOnce';
import { errorMessage, useTRPC } from '@/app/_trpc/client';
import { STAFF_ROLES, type StaffRole } from '@/server/db/enums';

const PAGE_SIZE = 20;

export function StaffUsersAdmin() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { page, setPage, search, setSearch, debouncedSearch, query } = usePagedSearch(PAGE_SIZE);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const [pendingDeactivate, setPendingDeactivate] = useState<{ id: string; name: string } | null>(
    null,
  );
  const [actionError, setActionError] = useState<string | null>(null);

  const list = useQuery({
    ...trpc.staffUsers.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.staffUsers.list.queryKey() });
  const onError = (error: unknown) => setActionError(errorMessage(error));

  const changeRole = useMutation(
    trpc.staffUsers.changeRole.mutationOptions({ onSuccess: refresh, onError }),
  );
  const setActive = useMutation(
    trpc.staffUsers.setActive.mutationOptions({ onSuccess: refresh, onError }),
  );

  return (
    <>
      <ListPageHeader
        title="Users"
        description="Staff who can sign in to your organisation, and what they may do."
      >
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add user
        </button>
      </ListPageHeader>

      <div className="card stack">
        <SearchBox
          label="Search users"
          placeholder="Search by name or email"
          value={search}
          onChange={setSearch}
        />
        <ListState
          query={list}
          loadingText="Loading users…"
          emptyText={`No users match “${debouncedSearch}”.`}
          actionError={actionError}
        >
          {({ items, total }) => (
            <ListTable
              columns={['Name', 'Email', 'Role', 'Status', 'Last sign-in']}
              actionsColumn
              page={page}
              pageSize={PAGE_SIZE}
              total={total}
              onPage={setPage}
            >
              {items.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>{user.email}</td>
                  <td>
                    <select
                      aria-label={`Role of ${user.name}`}
                      value={user.role}
                      disabled={changeRole.isPending}
                      onChange={(event) => {
                        setActionError(null);
                        changeRole.mutate({
                          userId: user.id,
                          role: event.target.value as StaffRole,
                        });
                      }}
                    >
                      {STAFF_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {role}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <span className={`badge ${user.active ? 'badge-success' : 'badge-danger'}`}>
                      {user.active ? 'active' : 'deactivated'}
                    </span>
                  </td>
                  <td className="muted">
                    {user.lastSignInAt ? user.lastSignInAt.toLocaleString() : 'never'}
                  </td>
                  <td>
                    {user.active ? (
                      <button
                        type="button"
                        className="danger"
                        onClick={() => setPendingDeactivate({ id: user.id, name: user.name })}
                      >
                        Deactivate
                      </button>
                    ) : (
                      <button
                        type="button"
                        onClick={() => setActive.mutate({ userId: user.id, active: true })}
                      >
                        Reactivate
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </ListTable>
          )}
        </ListState>
      </div>

      <AddUserDialog
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(email, password) => {
          setAdding(false);
          setCreated({ email, password });
          refresh();
        }}
      />
      <SecretOnce
        title="User created"
        label={`Temporary password for ${created?.email ?? ''}`}
        secret={created?.password ?? null}
        onClose={() => setCreated(null)}
      />
      <ConfirmDialog
        open={pendingDeactivate !== null}
        title="Deactivate user?"
        message={`${pendingDeactivate?.name} will be signed out and unable to sign in until reactivated.`}
        confirmLabel="Deactivate"
        danger
        onCancel={() => setPendingDeactivate(null)}
        onConfirm={() => {
          if (pendingDeactivate) setActive.mutate({ userId: pendingDeactivate.id, active: false });
          setPendingDeactivate(null);
        }}
      />
    </>
  );
}

function AddUserDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (email: string, password: string) => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.staffUsers.create.mutationOptions());

  return (
    <FormDialog
      open={open}
      title="Add user"
      mutation={create}
      onClose={onClose}
      onSubmit={(form) =>
        create.mutate(
          {
            email: String(form.get('email')),
            name: String(form.get('name')),
            role: String(form.get('role')) as StaffRole,
          },
          { onSuccess: (result) => onCreated(result.user.email, result.temporaryPassword) },
        )
      }
      busyLabel="Adding…"
      submitLabel="Add user"
    >
      <label>
        Name
        <input name="name" required maxLength={200} />
      </label>
      <label>
        Email
        <input name="email" type="email" required />
      </label>
      <label>
        Role
        <select name="role" defaultValue="agent">
          {STAFF_ROLES.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
      </label>
    </FormDialog>
  );
}
