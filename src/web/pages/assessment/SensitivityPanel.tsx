/**
 * How firm a threat's place is: the smallest single-factor changes (in level steps) that would
 * move it into another band, past the threat ranked above, or let the one below pass it.
 */
import { Await } from '../../components/Status';
import { useApi } from '../../use-api';
import { factorOf, fixed, levelText } from './format';
import type { FactorChange, ScoringModel, Sensitivity } from '../../../api/index.js';

interface Props {
  readonly threatId: number;
  readonly model: ScoringModel;
  readonly rank: number;
  readonly count: number;
  /** Changes when the user's score changes, so the figures are fetched again. */
  readonly version: number;
}

export function SensitivityPanel({ threatId, model, rank, count, version }: Props) {
  const loaded = useApi<Sensitivity>(`/threats/${threatId}/sensitivity?after=${version}`);
  return (
    <Await loaded={loaded}>
      {(s) => (
        <dl className="sensitivity">
          <Question
            title="Moves up a band if"
            changes={s.bandUp}
            model={model}
            none="No single change to one factor lifts it into a higher band."
          />
          <Question
            title="Drops a band if"
            changes={s.bandDown}
            model={model}
            none="No single change to one factor drops it into a lower band."
          />
          <Question
            title="Passes the threat ranked above if"
            changes={s.passAbove}
            model={model}
            none={rank === 1 ? 'It is ranked first.' : 'No single change to one factor takes it past the threat above.'}
          />
          <Question
            title="Is passed by the threat ranked below if"
            changes={s.fallBelow}
            model={model}
            none={
              rank === count ? 'It is ranked last.' : 'No single change to one factor lets the threat below pass it.'
            }
          />
        </dl>
      )}
    </Await>
  );
}

function Question({
  title,
  changes,
  model,
  none,
}: {
  title: string;
  changes: readonly FactorChange[];
  model: ScoringModel;
  none: string;
}) {
  return (
    <>
      <dt>{title}</dt>
      <dd>
        {changes.length === 0 ? (
          <span className="empty">{none}</span>
        ) : (
          <ul className="plain">
            {changes.map((c) => {
              const f = factorOf(model, c.factor);
              const steps = Math.abs(c.steps);
              return (
                <li key={`${c.factor}-${c.to}`}>
                  <strong>{f?.label ?? c.factor}</strong> {c.steps > 0 ? 'rises' : 'falls'} from {levelText(f, c.from)}{' '}
                  to {levelText(f, c.to)} ({steps} level{steps === 1 ? '' : 's'}): s = {fixed(c.score.s, 3)},{' '}
                  {c.score.band.label}
                </li>
              );
            })}
          </ul>
        )}
      </dd>
    </>
  );
}
