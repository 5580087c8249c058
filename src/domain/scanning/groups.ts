/**
 * How change drivers are grouped. The default is the seed's own scheme: Social, Partner and
 * Policing Challenges (Alliance Strategic Assessment 2017/18, "Environmental Scanning PESTELO:
 * impact of future change", which says its drivers matrix "replaces the traditional PESTELO type
 * of reporting"). PESTELO headings (Political, Economic, Social, Technological, Environmental,
 * Legal, Organisational) are the option. Decision: a driver may carry a heading in either scheme
 * or both, so a register can be read either way; a driver with no heading in the scheme asked for
 * is listed under "Not grouped" rather than dropped.
 */
import { inputError } from '../../errors.js';

export const CHALLENGE_GROUPS = ['social', 'partner', 'policing'] as const;
export type ChallengeGroup = (typeof CHALLENGE_GROUPS)[number];

export const PESTELO_HEADINGS = [
  'political',
  'economic',
  'social',
  'technological',
  'environmental',
  'legal',
  'organisational',
] as const;
export type PesteloHeading = (typeof PESTELO_HEADINGS)[number];

export const GROUPING_SCHEMES = ['challenges', 'pestelo'] as const;
export type GroupingScheme = (typeof GROUPING_SCHEMES)[number];

export const CHALLENGE_LABELS: Readonly<Record<ChallengeGroup, string>> = {
  social: 'Social Challenges',
  partner: 'Partner Challenges',
  policing: 'Policing Challenges',
};

export const PESTELO_LABELS: Readonly<Record<PesteloHeading, string>> = {
  political: 'Political',
  economic: 'Economic',
  social: 'Social',
  technological: 'Technological',
  environmental: 'Environmental',
  legal: 'Legal',
  organisational: 'Organisational',
};

export const NOT_GROUPED = 'Not grouped';

const fold = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/\s+challenges?$/, '')
    .replace(/[\s_-]+/g, ' ');

/** "Social", "social challenges", "POLICING" -> the group; anything else is refused with the choices. */
export function parseChallengeGroup(value: string): ChallengeGroup {
  const v = fold(value);
  const found = CHALLENGE_GROUPS.find((g) => g === v);
  if (found === undefined)
    throw inputError(
      `Unknown driver group "${value}": expected one of ${CHALLENGE_GROUPS.join(', ')} (Social, Partner or Policing Challenges).`,
    );
  return found;
}

/** A PESTELO heading by name or initial letter ("T" is technological). */
export function parsePesteloHeading(value: string): PesteloHeading {
  const v = fold(value);
  const found =
    PESTELO_HEADINGS.find((h) => h === v) ?? (v.length === 1 ? PESTELO_HEADINGS.find((h) => h[0] === v) : undefined);
  if (found === undefined)
    throw inputError(`Unknown PESTELO heading "${value}": expected one of ${PESTELO_HEADINGS.join(', ')}.`);
  return found;
}

export function parseGroupingScheme(value: string): GroupingScheme {
  const v = value.trim().toLowerCase();
  if (v === 'challenges' || v === 'pestelo') return v;
  throw inputError(`Unknown grouping "${value}": expected challenges (Social, Partner, Policing) or pestelo.`);
}

export interface Groupable {
  readonly number: number;
  readonly challenge: ChallengeGroup | null;
  readonly pestelo: PesteloHeading | null;
}

export interface DriverGroup<D> {
  /** The group's key (e.g. "social"), or null for drivers with no heading in the scheme. */
  readonly key: string | null;
  readonly label: string;
  readonly drivers: readonly D[];
}

/** Drivers under the scheme's headings in the scheme's order (empty headings left out), by number within each. */
export function groupDrivers<D extends Groupable>(
  drivers: readonly D[],
  scheme: GroupingScheme = 'challenges',
): DriverGroup<D>[] {
  const keys: readonly string[] = scheme === 'challenges' ? CHALLENGE_GROUPS : PESTELO_HEADINGS;
  const labels: Readonly<Record<string, string>> = scheme === 'challenges' ? CHALLENGE_LABELS : PESTELO_LABELS;
  const keyOf = (d: D) => (scheme === 'challenges' ? d.challenge : d.pestelo);
  const sorted = [...drivers].sort((a, b) => a.number - b.number);
  const groups: DriverGroup<D>[] = keys.map((key) => ({
    key,
    label: labels[key] ?? key,
    drivers: sorted.filter((d) => keyOf(d) === key),
  }));
  groups.push({ key: null, label: NOT_GROUPED, drivers: sorted.filter((d) => keyOf(d) === null) });
  return groups.filter((g) => g.drivers.length > 0);
}
