/**
 * The strategic risk register: the heat map (residual likelihood × impact, counts, references and
 * movement per cell; a cell opens the list of its risks), the reviews overdue, and the whole
 * register, with the register and its review log as CSV; an analyst or admin adds a risk here.
 */
import { useMemo, useState } from 'react';
import { MOVEMENT_ARROW, MOVEMENT_WORDS, riskHeatMapChart } from '../../../../charts/risk-heat-map.js';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { Await } from '../../../components/Status';
import { useApi } from '../../../use-api';
import { capital, plural } from '../shared/format';
import { SpecDownloads } from '../shared/SpecDownloads';
import { CellRisks } from './CellRisks';
import { cellKey, HeatMapGrid } from './HeatMapGrid';
import { OverdueReviews } from './OverdueReviews';
import { RiskTable } from './RiskTable';
import { NewRiskForm } from './NewRiskForm';
import { useSession } from '../../../session';
import { editableOrganisations } from '../../assessment/can-edit';
import type { HeatMapCell, Movement, RiskHeatMap, RiskListed } from '../../../../api/index.js';

export function RisksPage() {
  const map = useApi<RiskHeatMap>('/risks/heat-map');
  const risks = useApi<RiskListed[]>('/risks');
  const { me } = useSession();
  const organisations = editableOrganisations(me);
  const [adding, setAdding] = useState(false);
  const ratings = useMemo(
    () =>
      new Map(
        (map.data?.rows ?? []).flatMap((r) => r.cells.flatMap((c) => c.risks.map((x) => [x.id, c.rating] as const))),
      ),
    [map.data],
  );
  return (
    <main id="main">
      <h1>Strategic risk register</h1>
      <p className="lede">
        Strategic risks mapped on likelihood and harm/impact, owned by chief officers, each with a narrative describing
        its mitigation and a monthly review.
      </p>
      <section aria-labelledby="h-heat">
        <h2 id="h-heat">Heat map</h2>
        <Await loaded={map}>{(m) => <HeatMapSection map={m} />}</Await>
      </section>
      <OverdueReviews />
      {organisations.length > 0 && (
        <p>
          <button type="button" aria-expanded={adding} onClick={() => setAdding(!adding)}>
            {adding ? 'Close the new risk form' : 'New risk'}
          </button>
        </p>
      )}
      {adding && (
        <NewRiskForm
          organisations={organisations}
          onAdded={() => {
            risks.reload();
            map.reload();
          }}
        />
      )}
      <section aria-labelledby="h-register">
        <h2 id="h-register">The register</h2>
        <p>
          <a href="/api/risks.csv" download>
            Download the register as CSV
          </a>
          {' · '}
          <a href="/api/risks/reviews.csv" download>
            Download the review log as CSV
          </a>
        </p>
        <Await loaded={risks}>
          {(list) => (
            <RiskTable
              risks={list}
              ratings={ratings}
              caption={`All ${plural(list.length, 'risk')} you can see; open a reference for its history and to add a review`}
            />
          )}
        </Await>
      </section>
    </main>
  );
}

function HeatMapSection({ map }: { map: RiskHeatMap }) {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const cells = map.rows.flatMap((r) => r.cells);
  const cell = cells.find((c) => cellKey(c) === chosen);
  const option = useMemo(() => riskHeatMapChart(map, { title: `Strategic risk heat map (${map.total} risks)` }), [map]);
  const moves = (Object.entries(map.byMovement) as [Movement, number][])
    .map(([m, n]) => `${MOVEMENT_ARROW[m]} ${MOVEMENT_WORDS[m]} ${n}`)
    .join(', ');
  const ratingCounts = Object.entries(map.byRating)
    .map(([r, n]) => `${capital(r)} ${n}`)
    .join(', ');
  if (map.total === 0) return <p className="empty">There are no risks on the register that you can see.</p>;
  return (
    <>
      <p>
        {plural(map.total, 'risk')} at their residual position (with mitigation in place). Ratings: {ratingCounts}.
        Movement since the previous review: {moves}. <MarkingBadge marking={map.marking} />
        {map.otherScales > 0 && (
          <>
            {' '}
            {plural(map.otherScales, 'risk')} scored on another scale {map.otherScales === 1 ? 'is' : 'are'} not on this
            map.
          </>
        )}
      </p>
      <HeatMapGrid map={map} chosen={chosen} onChoose={setChosen} />
      <div aria-live="polite">
        {cell !== undefined && <CellRisks map={map} cell={cell} onClear={() => setChosen(undefined)} />}
      </div>
      <SpecDownloads
        label="heat map"
        option={option}
        fileName="risk-heat-map"
        width={760}
        height={480}
        rows={cells.filter((c) => c.count > 0)}
        columns={[
          { header: 'Impact', value: (c: HeatMapCell) => c.impact, numeric: true },
          { header: 'Likelihood', value: (c: HeatMapCell) => c.likelihood, numeric: true },
          { header: 'Score', value: (c: HeatMapCell) => c.score, numeric: true },
          { header: 'Rating', value: (c: HeatMapCell) => c.rating },
          { header: 'Risks', value: (c: HeatMapCell) => c.count, numeric: true },
          {
            header: 'References (movement)',
            value: (c: HeatMapCell) => c.risks.map((r) => `${r.reference} ${MOVEMENT_WORDS[r.movement]}`).join('; '),
          },
        ]}
      />
      <p className="method">
        Score = likelihood × impact on the {map.scale.size}×{map.scale.size} scale; ratings are bands of the score.
        Colours follow the rating, which each cell also states in words. Arrows: ↑ the score rose, ↓ it fell, →
        unchanged, * a new risk with no earlier review.
      </p>
    </>
  );
}
