/**
 * The life of one crime's outcome: which label it ends with (the real mature mix of its category)
 * and when each outcome event happens. From that follow both the `Last outcome category` of the
 * street file (the latest event as of the archive month) and the rows of the outcomes files
 * (one row per event, in the month of the event). So recent months show more "Under
 * investigation", older months the mature mix, as in a real archive.
 *
 * Delays (synthetic, documented): police outcomes arrive after an exponential delay in months
 * (no-suspect closures quickest); court outcomes go through "Awaiting court outcome" at charge
 * and reach the court result months later; "Status update unavailable" crimes get no event and
 * turn from "Under investigation" to that label after a short delay.
 */
import { WeightedChoice } from './alias.js';
import type { CrimeType } from './category-mix.js';
import { OUTCOME_LABELS, REAL_OUTCOME_COUNTS, UNDER_INVESTIGATION, type OutcomeLabel } from './outcome-mix.js';
import type { Rng } from './rng.js';

export const AWAITING_COURT: OutcomeLabel = 'Awaiting court outcome';
export const STATUS_UNAVAILABLE: OutcomeLabel = 'Status update unavailable';

const COURT_RESULTS: ReadonlySet<string> = new Set([
  'Court result unavailable',
  'Offender sent to prison',
  'Offender given community sentence',
  'Offender fined',
  'Defendant found not guilty',
  'Offender given suspended prison sentence',
  'Offender given conditional discharge',
  'Offender otherwise dealt with',
  'Court case unable to proceed',
  'Offender ordered to pay compensation',
  'Offender deprived of property',
  'Defendant sent to Crown Court',
]);

/** Mean delay in months before a police (non-court) outcome is recorded. */
const POLICE_DELAY: Readonly<Partial<Record<OutcomeLabel, number>>> = {
  'Investigation complete; no suspect identified': 0.6,
  'Offender given a caution': 1,
  'Local resolution': 1,
  'Offender given a drugs possession warning': 0.8,
  'Offender given penalty notice': 0.8,
};
const DEFAULT_POLICE_DELAY = 1.5;
const CHARGE_DELAY = 1;
const COURT_DELAY = 3;
const STATUS_UNAVAILABLE_DELAY = 1;

export interface OutcomeEvent {
  /** Month of the event as year * 12 + month - 1. */
  readonly monthIndex: number;
  readonly label: OutcomeLabel;
}

export interface OutcomeTimeline {
  readonly events: readonly OutcomeEvent[];
  /** Month from which a crime without events reads "Status update unavailable" (else never). */
  readonly unavailableFrom: number | undefined;
}

const CHOICES = new Map<CrimeType, WeightedChoice<OutcomeLabel>>(
  Object.entries(REAL_OUTCOME_COUNTS).map(([category, counts]) => [
    category as CrimeType,
    new WeightedChoice(OUTCOME_LABELS, counts),
  ]),
);

/** The final outcome a crime of this category reaches, from the real mature mix. */
export function drawFinalOutcome(rng: Rng, category: CrimeType): OutcomeLabel {
  const choice = CHOICES.get(category);
  if (!choice) throw new Error(`no outcome mix for ${category}`);
  return choice.sample(rng);
}

function delay(rng: Rng, mean: number): number {
  return Math.floor(rng.exponential(mean));
}

export function drawTimeline(rng: Rng, category: CrimeType, crimeMonthIndex: number): OutcomeTimeline {
  const final = drawFinalOutcome(rng, category);
  if (final === STATUS_UNAVAILABLE) {
    return { events: [], unavailableFrom: crimeMonthIndex + delay(rng, STATUS_UNAVAILABLE_DELAY) };
  }
  if (final === AWAITING_COURT || COURT_RESULTS.has(final)) {
    const charged = crimeMonthIndex + delay(rng, CHARGE_DELAY);
    const events: OutcomeEvent[] = [{ monthIndex: charged, label: AWAITING_COURT }];
    if (final !== AWAITING_COURT) events.push({ monthIndex: charged + 1 + delay(rng, COURT_DELAY), label: final });
    return { events, unavailableFrom: undefined };
  }
  const mean = POLICE_DELAY[final] ?? DEFAULT_POLICE_DELAY;
  return { events: [{ monthIndex: crimeMonthIndex + delay(rng, mean), label: final }], unavailableFrom: undefined };
}

/** The `Last outcome category` as a police.uk archive generated in month `asOfIndex` shows it. */
export function lastOutcomeAsOf(timeline: OutcomeTimeline, asOfIndex: number): string {
  let last: string | undefined;
  for (const e of timeline.events) if (e.monthIndex <= asOfIndex) last = e.label;
  if (last !== undefined) return last;
  if (timeline.unavailableFrom !== undefined && timeline.unavailableFrom <= asOfIndex) return STATUS_UNAVAILABLE;
  return UNDER_INVESTIGATION;
}
