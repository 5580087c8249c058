/** What a risk is: owner, scores, dates, cause, consequence, mitigation and actions. */
import { MOVEMENT_ARROW, MOVEMENT_WORDS } from '../../../../charts/risk-heat-map.js';
import { longDate } from '../shared/format';
import type { RiskListed } from '../../../../api/index.js';

export function RiskDetails({ risk, rating }: { risk: RiskListed; rating: string | undefined }) {
  return (
    <dl className="facts">
      <dt>Owner</dt>
      <dd>{risk.owner}</dd>
      <dt>Category</dt>
      <dd>{risk.category}</dd>
      <dt>Status</dt>
      <dd>{risk.status}</dd>
      <dt>Inherent (before mitigation)</dt>
      <dd>
        likelihood {risk.inherent.likelihood} × impact {risk.inherent.impact} = {risk.inherent.score}
      </dd>
      <dt>Residual (with mitigation)</dt>
      <dd>
        likelihood {risk.residual.likelihood} × impact {risk.residual.impact} ={' '}
        <strong>
          {risk.residual.score}
          {rating !== undefined && ` ${rating}`}
        </strong>
        , <span aria-hidden="true">{MOVEMENT_ARROW[risk.movement]}</span> {MOVEMENT_WORDS[risk.movement]}
        {risk.previous !== null && <> since the previous review ({risk.previous.score})</>}
      </dd>
      <dt>Scale</dt>
      <dd>
        {risk.scaleSize}×{risk.scaleSize}
      </dd>
      <dt>Identified</dt>
      <dd>{longDate(risk.identifiedOn)}</dd>
      <dt>Next review</dt>
      <dd>{longDate(risk.nextReview)}</dd>
      {risk.cause !== '' && (
        <>
          <dt>Cause</dt>
          <dd>{risk.cause}</dd>
        </>
      )}
      {risk.consequence !== '' && (
        <>
          <dt>Consequence</dt>
          <dd>{risk.consequence}</dd>
        </>
      )}
      {risk.mitigation !== '' && (
        <>
          <dt>Mitigation</dt>
          <dd>{risk.mitigation}</dd>
        </>
      )}
      {risk.actions.length > 0 && (
        <>
          <dt>Mitigating actions</dt>
          <dd>
            <ul>
              {risk.actions.map((a) => (
                <li key={a}>{a}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}
