/**
 * The frame of each analysis page: its heading, a one-line lede, and (once the user's scope is
 * loaded) the page's body with that scope, so every page opens on the organisation's area.
 */
import type { ReactNode } from 'react';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import type { AnalysisScope } from '../../../api/index.js';

export function AnalysisFrame({
  title,
  lede,
  children,
}: {
  title: string;
  lede: string;
  children: (scope: AnalysisScope) => ReactNode;
}) {
  const scope = useApi<AnalysisScope>('/trends/scope');
  return (
    <main id="main">
      <h1>{title}</h1>
      <p className="lede">{lede}</p>
      <Await loaded={scope}>{children}</Await>
    </main>
  );
}

/** The last `n` whole months up to `last` (YYYY-MM), newest last. */
export function monthsBefore(last: string, n: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, k) => {
    const i = y * 12 + (m - 1) - (n - 1 - k);
    return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  });
}

/** The latest month every chosen force has reached. */
export function latestFor(scope: AnalysisScope, forces: readonly string[]): string | undefined {
  return scope.forces
    .filter((f) => f.last !== null && (forces.length === 0 || forces.includes(f.slug)))
    .map((f) => f.last as string)
    .sort()[0];
}
