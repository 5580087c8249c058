/**
 * The fields a driver is described by, shared by the new-driver and edit forms: its name, its
 * group (Social, Partner or Policing Challenges) and PESTELO heading (at least one of the two),
 * and its cross-cutting themes, typed separated by commas.
 */
import { CHALLENGE_GROUPS, PESTELO_HEADINGS } from '../../../../domain/scanning/index.js';
import type { ChallengeGroup, PesteloHeading } from '../../../../api/index.js';
import { capital } from '../shared/format';
import { GROUP_LABELS } from './labels';

export interface DriverDraft {
  readonly name: string;
  readonly challenge: ChallengeGroup | '';
  readonly pestelo: PesteloHeading | '';
  /** Comma-separated, as typed. */
  readonly themes: string;
}

export const themeList = (typed: string): string[] =>
  typed
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');

/** The draft as the request fields; a blank group or heading is sent as none (null). */
export const driverFields = (d: DriverDraft) => ({
  name: d.name.trim(),
  challenge: d.challenge === '' ? null : d.challenge,
  pestelo: d.pestelo === '' ? null : d.pestelo,
  themes: themeList(d.themes),
});

export function DriverFields({
  id,
  draft,
  onChange,
}: {
  id: string;
  draft: DriverDraft;
  onChange: (d: DriverDraft) => void;
}) {
  return (
    <>
      <label htmlFor={`${id}-name`}>Driver</label>
      <input
        id={`${id}-name`}
        value={draft.name}
        required
        maxLength={300}
        onChange={(e) => onChange({ ...draft, name: e.target.value })}
      />
      <div className="form-row">
        <label>
          Group
          <select
            value={draft.challenge}
            onChange={(e) => onChange({ ...draft, challenge: e.target.value as DriverDraft['challenge'] })}
          >
            <option value="">None</option>
            {CHALLENGE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
        <label>
          PESTELO heading
          <select
            value={draft.pestelo}
            onChange={(e) => onChange({ ...draft, pestelo: e.target.value as DriverDraft['pestelo'] })}
          >
            <option value="">None</option>
            {PESTELO_HEADINGS.map((h) => (
              <option key={h} value={h}>
                {capital(h)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label htmlFor={`${id}-themes`}>Themes (separated by commas, optional)</label>
      <input
        id={`${id}-themes`}
        value={draft.themes}
        maxLength={3000}
        onChange={(e) => onChange({ ...draft, themes: e.target.value })}
      />
    </>
  );
}
