/** Loading and error states every page shows the same way. */
import type { ReactNode } from 'react';
import type { Loaded } from '../use-api';

export function Loading() {
  return (
    <p className="loading" role="status">
      Loading…
    </p>
  );
}

export function ErrorNote({ message }: { message: string }) {
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

/**
 * Renders `children(data)` once loaded; the loading or error state before. While a new answer
 * loads (a filter changed) the old one stays, dimmed and marked busy, under "Updating…", so it
 * is never taken for the answer to the new question.
 */
export function Await<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.error !== undefined) return <ErrorNote message={loaded.error} />;
  if (loaded.data === undefined) return <Loading />;
  // The same element tree whether or not an update is loading, so the children keep their state
  // (a form's "Saved" message survives the reload that follows a save).
  return (
    <div className={loaded.loading ? 'updating' : 'await'} aria-busy={loaded.loading}>
      {loaded.loading && (
        <p className="loading" role="status">
          Updating…
        </p>
      )}
      {children(loaded.data)}
    </div>
  );
}
