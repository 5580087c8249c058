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

/** Renders `children(data)` once loaded; the loading or error state before. */
export function Await<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.error !== undefined) return <ErrorNote message={loaded.error} />;
  if (loaded.data === undefined) return <Loading />;
  return <>{children(loaded.data)}</>;
}
