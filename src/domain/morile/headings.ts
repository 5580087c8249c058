/**
 * Control Strategy headings: the strands each priority's actions are organised under.
 * The seed's alliance used prevention, intelligence, enforcement, reassurance (the default); the
 * Serious and Organised Crime Strategy's 4P set (pursue, prevent, protect, prepare) is an option,
 * and a force may supply its own list.
 */
import { inputError } from '../../errors.js';

export interface Heading {
  readonly id: string;
  readonly label: string;
}

export const DEFAULT_HEADINGS: readonly Heading[] = [
  { id: 'prevention', label: 'Prevention' },
  { id: 'intelligence', label: 'Intelligence' },
  { id: 'enforcement', label: 'Enforcement' },
  { id: 'reassurance', label: 'Reassurance' },
];

export const FOUR_P_HEADINGS: readonly Heading[] = [
  { id: 'pursue', label: 'Pursue' },
  { id: 'prevent', label: 'Prevent' },
  { id: 'protect', label: 'Protect' },
  { id: 'prepare', label: 'Prepare' },
];

/** A heading id: what the stored actions are keyed by (src/store/strategy/writes.ts checks the same). */
export const HEADING_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

export type HeadingSet = 'default' | '4P' | readonly Heading[];

export function resolveHeadings(set: HeadingSet = 'default'): readonly Heading[] {
  if (set === 'default') return DEFAULT_HEADINGS;
  if (set === '4P') return FOUR_P_HEADINGS;
  if (set.length === 0) throw inputError('Control Strategy headings: give at least one heading.');
  const ids = set.map((h) => h.id);
  const repeated = ids.find((id, i) => id.trim() === '' || ids.indexOf(id) !== i);
  if (repeated !== undefined) {
    throw inputError(`Control Strategy headings: heading id "${repeated}" is empty or repeated.`);
  }
  return set;
}

/** A heading id from its label: "Partnership working" -> "partnership-working" (the web form and CLI agree). */
export function headingIdOf(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'heading'
  );
}
