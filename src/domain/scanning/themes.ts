/**
 * "Meta" use of the drivers: all of them together, read for cross-cutting themes (the seed:
 * "We consider available knowledge and evidence for each driver together with all others, to draw
 * out cross cutting themes that have impact on as many partners as possible"). Themes are tags on
 * drivers; a theme is listed with every driver that carries it. Decision: themes are matched
 * ignoring case and spacing (one spelling is kept, the first in driver order), and a theme is
 * "cross-cutting" when two or more drivers share it.
 */
import { inputError } from '../../errors.js';
import type { ChallengeGroup } from './groups.js';

/** Trims and collapses spaces; refuses an empty theme. */
export function normaliseTheme(value: string): string {
  const theme = value.trim().replace(/\s+/g, ' ');
  if (theme === '') throw inputError('A theme cannot be empty.');
  return theme;
}

export const themeKey = (theme: string): string => normaliseTheme(theme).toLowerCase();

/** Themes in order, each once (first spelling kept). */
export function distinctThemes(themes: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of themes) if (!seen.has(themeKey(t))) seen.set(themeKey(t), normaliseTheme(t));
  return [...seen.values()];
}

export interface Themed {
  readonly number: number;
  readonly themes: readonly string[];
  readonly challenge: ChallengeGroup | null;
}

export interface ThemeEntry<D> {
  readonly theme: string;
  /** By number. */
  readonly drivers: readonly D[];
  /** The Social/Partner/Policing groups its drivers come from, in that order. */
  readonly groups: readonly ChallengeGroup[];
  readonly crossCutting: boolean;
}

/** Every theme with the drivers that share it: most drivers first, then by name. */
export function crossCuttingThemes<D extends Themed>(drivers: readonly D[]): ThemeEntry<D>[] {
  const sorted = [...drivers].sort((a, b) => a.number - b.number);
  const byKey = new Map<string, { theme: string; drivers: D[] }>();
  for (const d of sorted) {
    for (const t of distinctThemes(d.themes)) {
      const entry = byKey.get(themeKey(t)) ?? { theme: t, drivers: [] };
      entry.drivers.push(d);
      byKey.set(themeKey(t), entry);
    }
  }
  const order: readonly ChallengeGroup[] = ['social', 'partner', 'policing'];
  return [...byKey.values()]
    .map((e) => ({
      theme: e.theme,
      drivers: e.drivers,
      crossCutting: e.drivers.length >= 2,
      groups: order.filter((g) => e.drivers.some((d) => d.challenge === g)),
    }))
    .sort((a, b) => b.drivers.length - a.drivers.length || a.theme.localeCompare(b.theme));
}
