/**
 * Issue 14: the results of the search in the header (GET /api/search), grouped by kind, each a
 * link to the page that shows the record, with its marking. The server answers only with what
 * this user may see (the registers' own reads); the page says so.
 */
import { Link, useSearch } from 'wouter';
import { qs } from '../../api';
import { Await } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { useApi } from '../../use-api';
import type { SearchAnswer, SearchHit, SearchKind } from '../../../api/index.js';

const KIND_NAMES: Record<SearchKind, [string, string]> = {
  assessment: ['Assessment', 'Assessments'],
  threat: ['Threat', 'Threats'],
  risk: ['Strategic risk', 'Strategic risks'],
  recommendation: ['Recommendation', 'Recommendations'],
  driver: ['Change driver', 'Change drivers'],
  priority: ["Partner's priority", "Partners' priorities"],
  plan: ['Plan', 'Plans'],
  inspection: ['Inspection', 'Inspections'],
  text: ['Document text', 'Document text'],
};

export function SearchPage() {
  const q = new URLSearchParams(useSearch()).get('q')?.trim() ?? '';
  const loaded = useApi<SearchAnswer>(q.length >= 2 ? `/search${qs({ q })}` : undefined);
  return (
    <main id="main">
      <h1>Search{q !== '' && <small> for “{q}”</small>}</h1>
      <p className="lede">
        Across assessments, threats, risks, recommendations, drivers, partners&apos; priorities, plans, inspections and
        the document&apos;s text: only the records your organisations hold at your clearance or below.
      </p>
      {q.length < 2 ? (
        <p>Type at least two letters in the search box at the top of the page.</p>
      ) : (
        <Await loaded={loaded}>{(answer) => <Results answer={answer} />}</Await>
      )}
    </main>
  );
}

function Results({ answer }: { answer: SearchAnswer }) {
  if (answer.hits.length === 0)
    return (
      <p role="status" className="empty">
        Nothing you can see matches “{answer.q}”.
      </p>
    );
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const h of answer.hits) groups.set(h.kind, [...(groups.get(h.kind) ?? []), h]);
  return (
    <>
      <p role="status">
        {answer.hits.length} {answer.hits.length === 1 ? 'record matches' : 'records match'} “{answer.q}”
        {answer.truncated && <> (the first {answer.limit} of each kind; add a word to narrow it)</>}.
      </p>
      {[...groups.entries()].map(([kind, hits]) => (
        <section key={kind} aria-labelledby={`search-${kind}`} className="search-group">
          <h2 id={`search-${kind}`}>
            {KIND_NAMES[kind][hits.length === 1 ? 0 : 1]} <small>({hits.length})</small>
          </h2>
          <ul className="search-hits">
            {hits.map((h) => (
              <li key={`${h.kind}-${h.id}`}>
                <Link href={h.href}>{h.title}</Link> <MarkingBadge marking={h.marking} />
                {h.context !== '' && <span className="search-context"> · {h.context}</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
