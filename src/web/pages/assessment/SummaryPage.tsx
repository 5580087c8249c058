/**
 * The assessment summary, as in the seed: each threat by likelihood (probability) and harm
 * (impact), numbered as in the legend; last year's places greyed with arrows for movement; the
 * table behind the chart gives the model's own figures and the direction of travel in words.
 */
import { useMemo } from 'react';
import { useParams } from 'wouter';
import { assessmentSummaryChart, type SummaryPointInput } from '../../../charts/assessment-summary.js';
import { Chart } from '../../components/Chart';
import { MarkingBadge } from '../../components/MarkingBadge';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { fixed } from './format';
import type { Assessment, DirectionEntry, DirectionView } from '../../../api/index.js';

interface Row extends SummaryPointInput {
  readonly entry: DirectionEntry;
}

const DIRECTION_WORDS: Readonly<Record<DirectionEntry['label'], string>> = {
  up: '↑ risk rose',
  down: '↓ risk fell',
  static: 'static',
  new: 'new this year',
  removed: 'removed',
};

const directionText = (e: DirectionEntry) => {
  if (e.label === 'static' && e.moved) return 'moved, same risk';
  if (e.label === 'removed' && e.inAssessment) return 'carried forward, not scored yet';
  return DIRECTION_WORDS[e.label];
};

export function SummaryPage() {
  const { id = '' } = useParams<{ id: string }>();
  const direction = useApi<DirectionView>(`/assessments/${id}/direction`);
  const assessments = useApi<Assessment[]>('/assessments');
  return (
    <main id="main">
      <h1>Assessment summary</h1>
      <Await loaded={direction}>
        {(d) => (
          <Summary
            view={d}
            lastYear={assessments.data?.find((a) => a.id === d.assessment.previousId)?.period ?? null}
          />
        )}
      </Await>
    </main>
  );
}

function Summary({ view, lastYear }: { view: DirectionView; lastYear: string | null }) {
  const rows = useMemo<Row[]>(
    () =>
      view.directions.map((e, i) => ({
        number: i + 1,
        name: e.name,
        now: e.now,
        previous: e.previous,
        moved: e.moved,
        entry: e,
      })),
    [view],
  );
  const thisYear = view.assessment.period;
  const option = useMemo(
    () => assessmentSummaryChart(rows, { title: '', thisYear, lastYear }),
    [rows, thisYear, lastYear],
  );
  const since = lastYear ?? 'last year';
  if (rows.length === 0)
    return <p>No threat of this assessment that you can see has a score yet, this year or last.</p>;
  const moved = rows.filter((r) => r.entry.moved && r.now !== null && r.previous !== null).length;
  return (
    <>
      <p>
        A professional judgement of the likelihood (probability) and harm (impact) of each threat in {thisYear}, from
        its combined MoRiLE score, as an update on {since} (greyed circles). Teal circles are this year's places; an
        arrow shows the direction of travel; a threat without an arrow has stayed where it was. {moved} of {rows.length}{' '}
        threats have moved. <MarkingBadge marking={view.marking} />
      </p>
      <Chart
        title={`Assessment summary ${thisYear}: likelihood against harm, with movement since ${since}`}
        option={option}
        rows={rows}
        fileName={`assessment-summary-${thisYear.replace('/', '-')}`}
        height={560}
        columns={[
          { header: 'No.', value: (r) => r.number, numeric: true },
          { header: 'Threat', value: (r) => r.name },
          {
            header: `Likelihood ${thisYear}`,
            value: (r) => (r.entry.now === null ? null : fixed(r.entry.now.likelihood, 1)),
            numeric: true,
          },
          {
            header: `Harm ${thisYear}`,
            value: (r) => (r.entry.now === null ? null : fixed(r.entry.now.harm, 1)),
            numeric: true,
          },
          {
            header: `Likelihood ${since}`,
            value: (r) => (r.entry.previous === null ? null : fixed(r.entry.previous.likelihood, 1)),
            numeric: true,
          },
          {
            header: `Harm ${since}`,
            value: (r) => (r.entry.previous === null ? null : fixed(r.entry.previous.harm, 1)),
            numeric: true,
          },
          { header: 'Direction of travel', value: (r) => directionText(r.entry) },
        ]}
      />
      <p className="method">
        Likelihood and harm are the outputs of each threat's combined score, placed on the range its scoring model
        allows (so last year's scores made with another model version still have a place). Circles that would cover each
        other are nudged apart slightly; the table gives the exact figures. "Risk rose" and "risk fell" follow the
        model's risk (harm × likelihood).
      </p>
    </>
  );
}
