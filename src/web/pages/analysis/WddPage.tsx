/**
 * "What works": the Weighted Displacement Difference test of an intervention in a target area,
 * against a control area (and, optionally, a displacement area next door and its control),
 * before and after. The analyst picks the areas and periods; nothing runs until they ask.
 */
import { useState, type FormEvent } from 'react';
import { groupedBarChart } from '../../../charts/analysis.js';
import { qs } from '../../api';
import { AreaFilters, useAreaChoice } from '../../components/AreaFilters';
import { Chart } from '../../components/Chart';
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { AnalysisFrame, latestFor, monthsBefore } from './AnalysisFrame';
import type { AnalysisScope, Area, WddAnswer } from '../../../api/index.js';

export function WddPage() {
  return (
    <AnalysisFrame
      title="What works: the WDD test"
      lede="Did crime fall where something was done, more than in a comparable area, without moving next door? Choose the areas and the periods before and after."
    >
      {(scope) => <Wdd scope={scope} />}
    </AnalysisFrame>
  );
}

const fixed = (x: number, d = 1) => x.toLocaleString('en-GB', { maximumFractionDigits: d, minimumFractionDigits: d });

function Wdd({ scope }: { scope: AnalysisScope }) {
  const [choice, setChoice] = useAreaChoice(scope);
  const forces = choice.forces.join(',');
  const csps = useApi<Area[]>(`/trends/areas${qs({ level: 'csp', force: forces || undefined })}`);
  const districts = useApi<Area[]>(`/trends/areas${qs({ level: 'district', force: forces || undefined })}`);
  const last = latestFor(scope, choice.forces) ?? '2018-03';
  const months = monthsBefore(last, 24);
  const [asked, setAsked] = useState<string | undefined>(undefined);
  const answer = useApi<WddAnswer>(asked);
  const options = [
    ...(csps.data ?? []).map((a) => ({ value: `csp=${a.name}`, label: `${a.name} (CSP)` })),
    ...(districts.data ?? []).map((a) => ({ value: `district=${a.name}`, label: `${a.name} (district)` })),
  ].filter((o) => !o.value.includes('=('));
  // The form waits for both lists: drawn with the CSPs alone, it would be drawn again when the
  // districts arrive and lose any area already chosen.
  const listed = !csps.loading && !districts.loading && csps.data !== undefined && districts.data !== undefined;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const get = (k: string) => String(f.get(k) ?? '');
    setAsked(
      `/analysis/wdd${qs({
        target: get('target'),
        control: get('control'),
        displacement: get('displacement') || undefined,
        displacementControl: get('displacementControl') || undefined,
        beforeFrom: get('beforeFrom'),
        beforeTo: get('beforeTo'),
        afterFrom: get('afterFrom'),
        afterTo: get('afterTo'),
        force: forces || undefined,
      })}`,
    );
  };
  const select = (name: string, label: string, first: number | undefined) => (
    <label>
      {label}
      <select name={name} defaultValue={first === undefined ? '' : options[first]?.value}>
        {first === undefined && <option value="">None</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  const month = (name: string, label: string, value: string) => (
    <label>
      {label}
      <select name={name} defaultValue={value}>
        {months.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
    </label>
  );
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Forces">
        <AreaFilters scope={scope} choice={choice} onChange={setChoice} forceOnly />
      </form>
      {listed && options.length > 1 && (
        <form className="filters wdd-form" onSubmit={submit} aria-label="The test" key={forces}>
          {select('target', 'Target area (where something was done)', 0)}
          {select('control', 'Control area (comparable, nothing done)', 1)}
          {select('displacement', 'Displacement area (next door; optional)', undefined)}
          {select('displacementControl', "Displacement area's control (optional)", undefined)}
          {month('beforeFrom', 'Before: from', months[0]!)}
          {month('beforeTo', 'Before: to', months[11]!)}
          {month('afterFrom', 'After: from', months[12]!)}
          {month('afterTo', 'After: to', months[23]!)}
          <button type="submit">Run the test</button>
        </form>
      )}
      {asked !== undefined && (
        <section aria-labelledby="h-wdd">
          <h2 id="h-wdd">Result</h2>
          <Await loaded={answer}>{(r) => <WddResultView r={r} />}</Await>
        </section>
      )}
    </>
  );
}

function WddResultView({ r }: { r: WddAnswer }) {
  const areas = (['target', 'control', 'displacement', 'displacementControl'] as const).filter(
    (k) => r.counts[k] !== null,
  );
  const names = {
    target: 'Target',
    control: 'Control',
    displacement: 'Displacement',
    displacementControl: 'Displacement control',
  };
  const rows = areas.map((k) => ({ area: names[k], before: r.counts[k]!.before, after: r.counts[k]!.after }));
  const w = r.wdd;
  return (
    <>
      {w.status === 'ok' ? (
        <p className="headline">
          WDD = <strong>{fixed(w.total.estimate)}</strong> crimes (95% interval {fixed(w.confidenceInterval.lower)} to{' '}
          {fixed(w.confidenceInterval.upper)}), z = {fixed(w.z, 2)}, p ={' '}
          {w.pValue < 0.0001 ? '<0.0001' : fixed(w.pValue, 4)}:{' '}
          {w.pValue < 0.05
            ? w.total.estimate < 0
              ? 'crime fell in the target area relative to the control, beyond chance.'
              : 'crime rose in the target area relative to the control, beyond chance.'
            : 'no difference from the control beyond chance.'}
          {r.harm?.status === 'ok' && (
            <>
              {' '}
              Harm-weighted: {fixed(r.harm.total.estimate, 0)} (p ={' '}
              {r.harm.pValue < 0.0001 ? '<0.0001' : fixed(r.harm.pValue, 4)}).
            </>
          )}
        </p>
      ) : (
        <p className="notice">No crimes in these areas and periods: the test cannot be run.</p>
      )}
      <Chart
        title={`Crimes before and after, by area (${r.periodLengths.before} and ${r.periodLengths.after} months)`}
        option={groupedBarChart(
          rows.map((x) => x.area),
          [
            { name: 'before', values: rows.map((x) => x.before) },
            { name: 'after', values: rows.map((x) => x.after) },
          ],
          'crimes',
        )}
        fileName="wdd"
        help={['wdd']}
        rows={rows}
        columns={[
          { header: 'Area', value: (x) => x.area },
          { header: 'Before', value: (x) => x.before, numeric: true },
          { header: 'After', value: (x) => x.after, numeric: true },
          { header: 'Change', value: (x) => x.after - x.before, numeric: true },
        ]}
      />
      <p className="method">{r.method}</p>
    </>
  );
}
