/**
 * What the warehouse says about the crimes linked to a threat over the assessment's year:
 * volume, last year, change and its significance, harm; and the hint shown beside the factors
 * it bears on (frequency, trend, harm).
 */
import type { Loaded } from '../../use-api';
import { Await } from '../../components/Status';
import { pValue, signedPercent, TREND_WORDS, whole } from './format';
import type { EvidenceFigure, ThreatEvidence } from '../../../api/index.js';

const readable = (f: EvidenceFigure) => (f.source === 'police.uk street data' ? f.what.replaceAll('-', ' ') : f.what);

export function EvidencePanel({ loaded }: { loaded: Loaded<ThreatEvidence> }) {
  return (
    <Await loaded={loaded}>
      {(e) => (
        <>
          {e.figures.length === 0 && (
            <p className="empty">
              No crime categories, offence codes or extract flags are linked to this threat, so the warehouse has no
              figures for it.
            </p>
          )}
          {e.figures.map((f) => (
            <section key={`${f.source}-${f.what}`} className="evidence" aria-label={`${f.source}: ${readable(f)}`}>
              <h3>
                {f.source}: {readable(f)}
              </h3>
              <dl>
                <dt>Crimes in {f.period}</dt>
                <dd>{f.count === null ? 'incomplete data' : whole(f.count)}</dd>
                <dt>Last year</dt>
                <dd>{whole(f.lastYear)}</dd>
                <dt>Change</dt>
                <dd>{signedPercent(f.percentChange)}</dd>
                <dt>Significance</dt>
                <dd>
                  {TREND_WORDS[f.flag]}
                  {f.pValue !== null && (
                    <> (p {pValue(f.pValue).startsWith('<') ? pValue(f.pValue) : `= ${pValue(f.pValue)}`})</>
                  )}
                </dd>
                <dt>Harm</dt>
                <dd>{f.harm === null ? '–' : `${whole(f.harm)} CCHI days`}</dd>
              </dl>
              {f.note !== undefined && <p className="method">Note: {f.note}.</p>}
            </section>
          ))}
          {e.indicators.length > 0 && (
            <p className="method">Indicator series linked to this threat: {e.indicators.join(', ')}.</p>
          )}
        </>
      )}
    </Await>
  );
}

/** The first figure with a count: the one quoted beside the factors. */
export const headlineFigure = (e: ThreatEvidence | undefined): EvidenceFigure | undefined =>
  e?.figures.find((f) => f.count !== null);

/** A one-line hint shown with the factors of a section the evidence bears on (harm, likelihood). */
export function sectionEvidence(section: string, figure: EvidenceFigure | undefined): string | undefined {
  if (figure === undefined || figure.count === null) return undefined;
  if (section === 'likelihood')
    return `Warehouse (${readable(figure)}): ${whole(figure.count)} crimes in ${figure.period}, ${signedPercent(figure.percentChange)} on last year, ${TREND_WORDS[figure.flag]}.`;
  if (section === 'harm' && figure.harm !== null)
    return `Warehouse (${readable(figure)}): ${whole(figure.harm)} CCHI days of harm in ${figure.period}.`;
  return undefined;
}
