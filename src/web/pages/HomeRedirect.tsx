/** The home page is the latest assessment's dashboard. */
import { Link, Redirect } from 'wouter';
import { useApi } from '../use-api';
import type { Assessment } from '../../api/index.js';

export function HomeRedirect() {
  const { data, error } = useApi<Assessment[]>('/assessments');
  if (error !== undefined)
    return (
      <main id="main">
        <p role="alert">{error}</p>
      </main>
    );
  if (data === undefined)
    return (
      <main id="main">
        <p role="status">Loading…</p>
      </main>
    );
  const latest = [...data].sort((a, b) => b.period.localeCompare(a.period) || b.id - a.id)[0];
  if (latest === undefined)
    return (
      <main id="main">
        <h1>No assessments yet</h1>
        <p>
          You cannot see any assessment. An analyst or administrator creates one on the{' '}
          <Link href="/assessments">Assessments</Link> page.
        </p>
      </main>
    );
  return <Redirect to={`/assessments/${latest.id}`} />;
}
