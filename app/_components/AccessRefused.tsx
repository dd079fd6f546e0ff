import type { StaffRole } from '@/server/db/enums';

/** What a signed-in person sees in a place their role does not open, and what to do about it. */
export function AccessRefused({ place, role }: { place: string; role: StaffRole }) {
  return (
    <div className="card empty-state" role="alert">
      <h1>You don’t have access to {place}</h1>
      <p>
        Your role is <strong>{role}</strong>. Ask an admin if you need access.
      </p>
    </div>
  );
}
