/** What carried over into an assessment from the one it follows (last year's), from what the user may see. */
import { Link } from 'wouter';
import { Await } from '../../../components/Status';
import { useApi } from '../../../use-api';
import type { Assessment, Recommendation, Threat } from '../../../../api/index.js';
import { plural } from '../../../../domain/plural.js';

export function CarriedReport({ assessment: a }: { assessment: Assessment }) {
  const prev = a.previousId;
  const threats = useApi<Threat[]>(`/assessments/${a.id}/threats`);
  const before = useApi<Threat[]>(prev === null ? undefined : `/assessments/${prev}/threats`);
  const recs = useApi<Recommendation[]>(`/assessments/${a.id}/recommendations`);
  if (prev === null)
    return (
      <section aria-labelledby="h-carried">
        <h2 id="h-carried">Carried over from last year</h2>
        <p>This assessment follows none: nothing was carried over.</p>
      </section>
    );
  return (
    <section aria-labelledby="h-carried">
      <h2 id="h-carried">Carried over from last year</h2>
      <Await loaded={threats}>
        {(now) => (
          <Await loaded={before}>
            {(last) => {
              const lastById = new Map(last.map((t) => [t.id, t]));
              const carried = now.filter((t) => t.carriedFromId !== null && lastById.has(t.carriedFromId));
              const carriedFrom = new Set(carried.map((t) => t.carriedFromId));
              const added = now.filter((t) => t.carriedFromId === null);
              const dropped = last.filter((t) => !carriedFrom.has(t.id));
              const carriedRecs = (recs.data ?? []).filter((r) => r.carriedFrom !== null);
              return (
                <>
                  <p role="status">
                    From <Link href={`/assessments/${prev}`}>last year&apos;s assessment</Link>:{' '}
                    {plural(carried.length, 'threat')} carried, {added.length} new this year, {dropped.length} of last
                    year&apos;s not carried; {plural(carriedRecs.length, 'recommendation')} carried.
                  </p>
                  <table>
                    <caption>Threats carried over, with last year&apos;s combined score</caption>
                    <thead>
                      <tr>
                        <th scope="col">Threat</th>
                        <th scope="col">Last year&apos;s band</th>
                        <th scope="col">Last year&apos;s priority (P x I)</th>
                      </tr>
                    </thead>
                    <tbody>
                      {carried.map((t) => (
                        <tr key={t.id}>
                          <td>{t.name}</td>
                          <td>
                            {t.previousScore === null
                              ? 'not scored'
                              : t.previousScore.band.replace(/_/g, ' ').toLowerCase()}
                          </td>
                          <td>{t.previousScore === null ? '–' : t.previousScore.priority.toFixed(1)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <h3>New this year</h3>
                  {added.length === 0 ? (
                    <p>None.</p>
                  ) : (
                    <ul>
                      {added.map((t) => (
                        <li key={t.id}>{t.name}</li>
                      ))}
                    </ul>
                  )}
                  <h3>Last year&apos;s threats not carried</h3>
                  {dropped.length === 0 ? (
                    <p>None.</p>
                  ) : (
                    <ul>
                      {dropped.map((t) => (
                        <li key={t.id}>{t.name}</li>
                      ))}
                    </ul>
                  )}
                  <h3>Recommendations carried</h3>
                  {carriedRecs.length === 0 ? (
                    <p>None.</p>
                  ) : (
                    <ul>
                      {carriedRecs.map((r) => (
                        <li key={r.id}>
                          {r.number === null ? '' : `${r.number}. `}
                          {r.theme}: {r.status.replace(/_/g, ' ')}
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              );
            }}
          </Await>
        )}
      </Await>
    </section>
  );
}
