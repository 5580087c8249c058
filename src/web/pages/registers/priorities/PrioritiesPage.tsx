/**
 * Partners' priorities: for a chosen period, the side-by-side matrix of the chosen partners'
 * priorities in their own words, and their congruence with the alliance priorities of a chosen
 * assessment; the priorities as CSV.
 */
import { useId, useMemo, useState } from 'react';
import { useStateFrom } from '../../../use-state-from';
import { qs } from '../../../api';
import { Await } from '../../../components/Status';
import { useApi } from '../../../use-api';
import { CongruenceTable } from './CongruenceTable';
import { PartnerPicker, partnerGroups } from './PartnerPicker';
import { PriorityMatrixTable } from './PriorityMatrixTable';
import type {
  Assessment,
  PriorityCongruenceView,
  PriorityMatrixView,
  PriorityPartners,
  TaxonomyEntry,
} from '../../../../api/index.js';

export function PrioritiesPage() {
  const periods = useApi<string[]>('/priorities/periods');
  return (
    <main id="main">
      <h1>Partners' priorities</h1>
      <p className="lede">
        Each partner's priorities in its own words, mapped onto one taxonomy so they can be set side by side and
        compared with the alliance priorities.
      </p>
      <Await loaded={periods}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">There are no partners' priorities you can see.</p>
          ) : (
            <Priorities periods={list} />
          )
        }
      </Await>
    </main>
  );
}

function Priorities({ periods }: { periods: readonly string[] }) {
  const id = useId();
  const [period, setPeriod] = useState(periods[periods.length - 1] ?? '');
  const everyone = useApi<PriorityMatrixView>(`/priorities/matrix${qs({ period })}`);
  const orgs = useApi<PriorityPartners>('/priorities/partners');
  const taxonomy = useApi<TaxonomyEntry[]>('/priorities/taxonomy');
  const holders = useMemo(() => everyone.data?.columns.map((c) => c.id) ?? [], [everyone.data]);
  // A new period starts with every partner that holds priorities in it.
  const holderSet = useMemo(() => new Set(holders), [holders]);
  const [chosen, setChosen] = useStateFrom<Set<string>>(holderSet);
  const columns = holders.filter((h) => chosen.has(h));
  const subset = columns.length < holders.length;
  const names = useMemo(() => new Map((everyone.data?.columns ?? []).map((c) => [c.id, c.label])), [everyone.data]);
  const groups = partnerGroups(holders, orgs.data?.partners ?? [], orgs.data?.forces ?? []);
  const partners = subset ? columns.join(',') : undefined;
  const some = useApi<PriorityMatrixView>(
    subset && columns.length > 0 ? `/priorities/matrix${qs({ period, partners })}` : undefined,
  );
  const matrix = subset ? some : everyone;
  return (
    <>
      <div className="filters">
        <label htmlFor={`${id}-period`}>
          Period
          <select id={`${id}-period`} value={period} onChange={(e) => setPeriod(e.target.value)}>
            {periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <a href={`/api/priorities.csv${qs({ period, partners })}`} download>
          Download these priorities as CSV
        </a>
      </div>
      {holders.length > 0 && <PartnerPicker groups={groups} names={names} chosen={chosen} onChange={setChosen} />}
      <section aria-labelledby="h-matrix">
        <h2 id="h-matrix">Side by side, {period}</h2>
        {subset && columns.length === 0 ? (
          <p className="empty">Choose at least one partner above.</p>
        ) : (
          <Await loaded={matrix}>{(m) => <PriorityMatrixTable matrix={m} />}</Await>
        )}
      </section>
      <section aria-labelledby="h-congruence">
        <h2 id="h-congruence">Congruence with the alliance priorities</h2>
        {columns.length === 0 ? (
          <p className="empty">Choose at least one partner above.</p>
        ) : (
          <CongruenceSection period={period} partners={partners} taxonomy={taxonomy.data} />
        )}
      </section>
    </>
  );
}

function CongruenceSection({
  period,
  partners,
  taxonomy,
}: {
  period: string;
  partners: string | undefined;
  taxonomy: readonly TaxonomyEntry[] | undefined;
}) {
  const id = useId();
  const assessments = useApi<Assessment[]>('/assessments');
  const [asked, setAsked] = useState<number | undefined>(undefined);
  const list = assessments.data ?? [];
  // By default the assessment of the same period, else the latest one.
  const fallback =
    list.find((a) => a.period === period) ?? [...list].sort((a, b) => b.period.localeCompare(a.period))[0];
  const chosen = list.find((a) => a.id === asked) ?? fallback;
  const view = useApi<PriorityCongruenceView>(
    chosen === undefined ? undefined : `/assessments/${chosen.id}/priorities/congruence${qs({ period, partners })}`,
  );
  if (assessments.data !== undefined && chosen === undefined)
    return <p className="empty">There is no assessment you can see, so no alliance priorities to compare with.</p>;
  return (
    <>
      <div className="filters">
        <label htmlFor={`${id}-assessment`}>
          Alliance priorities of the assessment
          <select id={`${id}-assessment`} value={chosen?.id ?? ''} onChange={(e) => setAsked(Number(e.target.value))}>
            {list.map((a) => (
              <option key={a.id} value={a.id}>
                {a.period} {a.versionLabel} ({a.status.replace('_', ' ')})
              </option>
            ))}
          </select>
        </label>
      </div>
      <Await loaded={view}>{(v) => <CongruenceTable view={v} taxonomy={taxonomy} />}</Await>
    </>
  );
}
