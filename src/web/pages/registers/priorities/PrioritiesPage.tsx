/**
 * Partners' priorities: for a chosen period, the side-by-side matrix of the chosen partners'
 * priorities in their own words, and their congruence with the alliance priorities of a chosen
 * assessment; the priorities as CSV; each priority of the period one by one. An analyst records a
 * partner's priority here (even before any exist) and changes one from the list.
 */
import { useId, useMemo, useState } from 'react';
import { useStateFrom } from '../../../use-state-from';
import { qs } from '../../../api';
import { Await } from '../../../components/Status';
import { useApi } from '../../../use-api';
import { CongruenceTable } from './CongruenceTable';
import { PartnerPicker, partnerGroups } from './PartnerPicker';
import { PriorityMatrixTable } from './PriorityMatrixTable';
import { NewPriorityForm } from './NewPriorityForm';
import { PriorityList } from './PriorityList';
import { useSession } from '../../../session';
import { editableOrganisations } from '../../assessment/can-edit';
import type {
  Assessment,
  PriorityCongruenceView,
  PartnerPriority,
  PriorityMatrixView,
  PriorityPartners,
  TaxonomyEntry,
} from '../../../../api/index.js';

export function PrioritiesPage() {
  const periods = useApi<string[]>('/priorities/periods');
  const orgs = useApi<PriorityPartners>('/priorities/partners');
  const taxonomy = useApi<TaxonomyEntry[]>('/priorities/taxonomy');
  const { me } = useSession();
  const [adding, setAdding] = useState(false);
  // Bumped after a priority is recorded, so the period's views load again.
  const [revision, setRevision] = useState(0);
  const canAdd = editableOrganisations(me).length > 0 && orgs.data !== undefined && taxonomy.data !== undefined;
  return (
    <main id="main">
      <h1>Partners' priorities</h1>
      <p className="lede">
        Each partner's priorities in its own words, mapped onto one taxonomy so they can be set side by side and
        compared with the alliance priorities.
      </p>
      {canAdd && (
        <p>
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {adding ? 'Close the new priority form' : 'New priority'}
          </button>
        </p>
      )}
      {canAdd && adding && (
        <NewPriorityForm
          partners={orgs.data!.partners}
          taxonomy={taxonomy.data!}
          period={periods.data?.at(-1) ?? currentYear()}
          onAdded={() => {
            periods.reload();
            setRevision((r) => r + 1);
          }}
        />
      )}
      <Await loaded={periods}>
        {(list) =>
          list.length === 0 ? (
            <p className="empty">There are no partners' priorities you can see.</p>
          ) : (
            <Priorities key={revision} periods={list} />
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
  const one = useApi<PartnerPriority[]>(`/priorities${qs({ period })}`);
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
      <section aria-labelledby="h-one-by-one">
        <h2 id="h-one-by-one">One by one, {period}</h2>
        <Await loaded={one}>
          {(list) => (
            <PriorityList
              priorities={list}
              period={period}
              partners={orgs.data?.partners ?? []}
              taxonomy={taxonomy.data ?? []}
              onSaved={() => {
                one.reload();
                everyone.reload();
                some.reload();
              }}
            />
          )}
        </Await>
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

/** The financial year today falls in (April to March): 2017/18 from any day of April 2017 to March 2018. */
function currentYear(): string {
  const now = new Date();
  const start = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
