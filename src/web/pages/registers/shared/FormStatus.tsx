/** The outcome under a register form: the conflict, an error, or what was saved. */
import type { ReactNode } from 'react';
import { ErrorNote } from '../../../components/Status';
import type { VersionedSubmit } from './useVersionedSubmit';

export function ConflictNote({
  submit,
  what,
  children,
}: {
  submit: VersionedSubmit;
  what: string;
  children?: ReactNode;
}) {
  if (submit.conflict === undefined) return null;
  return (
    <div className="callout warn" role="alert">
      <p>
        <strong>Someone else changed this {what} while you were writing.</strong> {submit.conflict}
      </p>
      {children}
      <p>
        What you wrote is kept below. Check it against the history, which now shows the latest change, then send it
        again.
      </p>
    </div>
  );
}

export function FormOutcome({ submit }: { submit: VersionedSubmit }) {
  return (
    <>
      {submit.error !== undefined && <ErrorNote message={submit.error} />}
      {submit.saved !== undefined && (
        <p className="ok" role="status">
          {submit.saved}
        </p>
      )}
    </>
  );
}
