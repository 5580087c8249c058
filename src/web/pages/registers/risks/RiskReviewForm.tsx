/**
 * Adding a review: date, residual likelihood and impact (each level named, on the risk's own
 * scale), narrative, and optionally the next review date and a new status. Sent with the version
 * shown; a 409 brings the current risk in, and the form keeps what was written.
 */
import { useId, useState, type FormEvent } from 'react';
import { levelLabel } from '../../../../charts/risk-heat-map.js';
import { api } from '../../../api';
import { ConflictNote, FormOutcome } from '../shared/FormStatus';
import { longDate, today } from '../shared/format';
import { useVersionedSubmit } from '../shared/useVersionedSubmit';
import type { RiskReviewRequest, RiskScale, RiskStatus, RiskWithHistory } from '../../../../api/index.js';
import { RISK_STATUSES } from '../../../../domain/risk/statuses.js';
import { DateField } from '../../../components/DateField';

export function RiskReviewForm({
  risk,
  scale,
  onSaved,
  onConflict,
}: {
  risk: RiskWithHistory;
  scale: RiskScale;
  onSaved: () => void;
  onConflict: (current: RiskWithHistory) => void;
}) {
  const id = useId();
  const [dated, setDated] = useState(today());
  const [likelihood, setLikelihood] = useState(risk.residual.likelihood);
  const [impact, setImpact] = useState(risk.residual.impact);
  const [narrative, setNarrative] = useState('');
  const [nextReview, setNextReview] = useState('');
  const [status, setStatus] = useState<RiskStatus>(risk.status);
  const submit = useVersionedSubmit<RiskWithHistory>(onConflict);
  const latest = risk.reviews[risk.reviews.length - 1];

  const send = async (e: FormEvent) => {
    e.preventDefault();
    if (narrative.trim() === '') return submit.fail('Write the narrative: what changed and why.');
    const ok = await submit.run(
      () =>
        api.post(`/risks/${risk.id}/reviews`, {
          expectedVersion: risk.version,
          dated,
          likelihood,
          impact,
          narrative,
          status,
          ...(nextReview === '' ? {} : { nextReview }),
        } satisfies RiskReviewRequest),
      `Review of ${longDate(dated)} added.`,
    );
    if (ok) {
      setNarrative('');
      setNextReview('');
      onSaved();
    }
  };

  const levels = Array.from({ length: scale.size }, (_, i) => i + 1);
  return (
    <form className="update-form" onSubmit={(e) => void send(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Add review</h2>
      <ConflictNote submit={submit} what="risk">
        <p>
          It is now version {risk.version}: residual {risk.residual.likelihood}×{risk.residual.impact} ={' '}
          {risk.residual.score}, {risk.status}
          {latest !== undefined && (
            <>
              ; latest review {longDate(latest.dated)} by {latest.author}: “{latest.narrative}”
            </>
          )}
        </p>
      </ConflictNote>
      <div className="form-row">
        <DateField label="Date of the review" value={dated} onChange={setDated} required />
        <label>
          Residual likelihood
          <select value={likelihood} onChange={(e) => setLikelihood(Number(e.target.value))}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {levelLabel(scale.likelihoodLabels, l)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Residual impact
          <select value={impact} onChange={(e) => setImpact(Number(e.target.value))}>
            {levels.map((l) => (
              <option key={l} value={l}>
                {levelLabel(scale.impactLabels, l)}
              </option>
            ))}
          </select>
        </label>
        <p className="review-score" aria-live="polite">
          Score {likelihood * impact}
        </p>
      </div>
      <label htmlFor={`${id}-narrative`}>Narrative: what changed and why</label>
      <textarea
        id={`${id}-narrative`}
        rows={3}
        value={narrative}
        onChange={(e) => setNarrative(e.target.value)}
        required
        maxLength={20000}
      />
      <div className="form-row">
        <DateField label="Next review (a month later if left empty)" value={nextReview} onChange={setNextReview} />
        <label>
          Status after this review
          <select value={status} onChange={(e) => setStatus(e.target.value as RiskStatus)}>
            {RISK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={submit.saving}>
          {submit.conflict !== undefined ? 'Add my review to the current version' : 'Add review'}
        </button>
      </div>
      <FormOutcome submit={submit} />
    </form>
  );
}
