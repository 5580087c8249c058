/**
 * Sending a change made against the version the user was looking at. When someone else changed
 * the record meanwhile, the server answers 409 with the record as it is now: that record is
 * handed to `onConflict` (so the page shows what changed) and the form keeps what the user wrote,
 * to send again against the current version.
 */
import { useState } from 'react';
import { ApiError } from '../../../api';

export interface VersionedSubmit {
  readonly saving: boolean;
  readonly error: string | undefined;
  /** The server's explanation of the conflict, while one is unresolved. */
  readonly conflict: string | undefined;
  readonly saved: string | undefined;
  run(send: () => Promise<unknown>, done: string): Promise<boolean>;
  fail(message: string): void;
}

export function useVersionedSubmit<R>(onConflict: (current: R) => void): VersionedSubmit {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [conflict, setConflict] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const run = async (send: () => Promise<unknown>, done: string): Promise<boolean> => {
    setSaving(true);
    setError(undefined);
    setSaved(undefined);
    try {
      await send();
      setConflict(undefined);
      setSaved(done);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409 && err.details?.['record'] !== undefined) {
        setConflict(err.message);
        onConflict(err.details['record'] as R);
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
      return false;
    } finally {
      setSaving(false);
    }
  };
  return {
    saving,
    error,
    conflict,
    saved,
    run,
    fail: (message) => {
      setSaved(undefined);
      setError(message);
    },
  };
}
