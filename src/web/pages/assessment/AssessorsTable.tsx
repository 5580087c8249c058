/**
 * Every assessor's levels side by side with the combined result (shown once the user has scored):
 * one row per factor, the user's own column first; rows where assessors disagree widely are
 * highlighted and say so in words; the outputs (harm, likelihood, risk, priority, s, band) below,
 * and each assessor's reasons on request. An optional factor an assessor left out reads "not
 * scored" (the method counts it as its lowest level, which is not what the assessor said), and
 * its combined cell says how many of the assessors scored it.
 */
import { fixed, levelText, SECTION_NAMES } from './format';
import type { ThreatScore, WorkshopView } from '../../../api/index.js';

export function AssessorsTable({ workshop, username }: { workshop: WorkshopView; username: string }) {
  const combined = workshop.combined;
  if (combined === null) return null;
  const assessors = [...combined.assessors].sort((a, b) =>
    a.assessor === username ? -1 : b.assessor === username ? 1 : a.assessor.localeCompare(b.assessor),
  );
  const disagreement = new Map(combined.disagreements.map((d) => [d.factor, d]));
  const scores = [...workshop.others, ...(workshop.mine === null ? [] : [workshop.mine])];
  const reasonsOf = (assessor: string) => scores.find((s) => s.assessor === assessor)?.inputs.rationale ?? {};
  const scored = (assessor: string, factor: string) =>
    scores.find((s) => s.assessor === assessor)?.inputs.values[factor] !== undefined;
  const withReasons = workshop.model.factors.filter((f) =>
    assessors.some((a) => (reasonsOf(a.assessor)[f.id] ?? '') !== ''),
  );
  const sections = [...new Set(workshop.model.factors.map((f) => f.section))];
  const head = (a: string) => (a === username ? `You (${a})` : a);
  const output = (label: string, pick: (s: ThreatScore) => string) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      {assessors.map((a) => (
        <td key={a.assessor} className="num">
          {pick(a.score)}
        </td>
      ))}
      <td className="num combined">{pick(combined.combined)}</td>
    </tr>
  );
  return (
    <>
      <p>
        {assessors.length} assessors; combined by the <strong>{combined.method}</strong> of each factor (confidence: the
        lowest given).{' '}
        {combined.disagreements.length === 0 ? (
          'No factor has a wide disagreement.'
        ) : (
          <strong>
            ⚠ Assessors disagree widely on {combined.disagreements.length} factor
            {combined.disagreements.length === 1 ? '' : 's'} (highlighted): discuss before agreeing the score.
          </strong>
        )}
      </p>
      <div className="table-wrap">
        <table className="assessors">
          <caption>Each assessor's levels and the combined score for {workshop.threat.name}</caption>
          <thead>
            <tr>
              <th scope="col">Factor</th>
              {assessors.map((a) => (
                <th key={a.assessor} scope="col">
                  {head(a.assessor)}
                </th>
              ))}
              <th scope="col">Combined</th>
            </tr>
          </thead>
          {sections.map((section) => (
            <tbody key={section}>
              <tr className="section">
                <th scope="rowgroup" colSpan={assessors.length + 2}>
                  {SECTION_NAMES[section] ?? section}
                </th>
              </tr>
              {workshop.model.factors
                .filter((f) => f.section === section)
                .map((f) => {
                  const d = disagreement.get(f.id);
                  return (
                    <tr key={f.id} className={d === undefined ? undefined : 'disagree'}>
                      <th scope="row">
                        {f.label}
                        {d !== undefined && <span className="tag">⚠ disagree ({d.spreadSteps} levels apart)</span>}
                      </th>
                      {assessors.map((a) => (
                        <td key={a.assessor}>
                          {f.optional && !scored(a.assessor, f.id) ? (
                            <span className="empty">not scored</span>
                          ) : (
                            levelText(f, a.score.values[f.id])
                          )}
                        </td>
                      ))}
                      <td className="combined">
                        {optionalCount(
                          f.optional,
                          assessors.filter((a) => scored(a.assessor, f.id)).length,
                          assessors.length,
                        ) ?? levelText(f, combined.values[f.id])}
                        {f.optional && assessors.some((a) => scored(a.assessor, f.id)) && (
                          <>
                            {' '}
                            <span className="method">
                              (scored by {assessors.filter((a) => scored(a.assessor, f.id)).length} of{' '}
                              {assessors.length})
                            </span>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          ))}
          <tbody>
            <tr className="section">
              <th scope="rowgroup" colSpan={assessors.length + 2}>
                Result
              </th>
            </tr>
            {output('Harm', (s) => fixed(s.harm, 1))}
            {output('Likelihood', (s) => fixed(s.likelihood, 1))}
            {output('Risk', (s) => fixed(s.risk, 1))}
            {output('Priority', (s) => fixed(s.priority, 1))}
            {output('Score (s)', (s) => fixed(s.s, 3))}
            {output('Band', (s) => s.band.label + (s.lowConfidence ? ' (low confidence)' : ''))}
          </tbody>
        </table>
      </div>
      {withReasons.length > 0 && (
        <details>
          <summary>Assessors' reasons</summary>
          <div className="table-wrap">
            <table>
              <caption>Why each assessor chose their level</caption>
              <thead>
                <tr>
                  <th scope="col">Factor</th>
                  {assessors.map((a) => (
                    <th key={a.assessor} scope="col">
                      {head(a.assessor)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {withReasons.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.label}</th>
                    {assessors.map((a) => (
                      <td key={a.assessor}>{reasonsOf(a.assessor)[f.id] ?? '–'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}

/** "not scored by anyone" for an optional factor nobody scored; undefined otherwise. */
function optionalCount(optional: boolean | undefined, scoredBy: number, of: number): string | undefined {
  return optional === true && scoredBy === 0 && of > 0 ? 'not scored by anyone' : undefined;
}
