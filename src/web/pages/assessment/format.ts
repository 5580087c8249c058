import type { Factor, ScoringModel, TrendFlag } from '../../../api/index.js';
/** How the assessment pages write numbers, levels and trends (full precision stays in the data). */
import { momentText } from '../../dates';

export const fixed = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined
    ? '–'
    : x.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const whole = (x: number | null | undefined): string =>
  x === null || x === undefined ? '–' : Math.round(x).toLocaleString('en-GB');

export const signedPercent = (x: number | null | undefined): string =>
  x === null || x === undefined ? '–' : `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;

export const pValue = (p: number | null | undefined): string =>
  p === null || p === undefined ? '–' : p < 0.0001 ? '< 0.0001' : p.toFixed(4);

export const TREND_WORDS: Readonly<Record<TrendFlag, string>> = {
  'significantly-above': 'significantly above last year',
  above: 'above last year (not significant)',
  similar: 'similar to last year',
  below: 'below last year (not significant)',
  'significantly-below': 'significantly below last year',
  'insufficient-data': 'not enough data to compare',
};

/** "3 (substantial)"; a combined value between levels reads "2.5 (between moderate and substantial)". */
export function levelText(factor: Factor | undefined, value: number | undefined): string {
  if (value === undefined) return '–';
  if (factor === undefined) return String(value);
  const exact = factor.levels.find((l) => l.value === value);
  if (exact !== undefined) return `${value} (${exact.label})`;
  const below = [...factor.levels].reverse().find((l) => l.value < value);
  const above = factor.levels.find((l) => l.value > value);
  return below !== undefined && above !== undefined
    ? `${fixed(value, 1)} (between ${below.label} and ${above.label})`
    : fixed(value, 1);
}

export const factorOf = (model: ScoringModel, id: string): Factor | undefined => model.factors.find((f) => f.id === id);

export const SECTION_NAMES: Readonly<Record<string, string>> = {
  harm: 'Harm (impact)',
  likelihood: 'Likelihood',
  organisationalPosition: 'Organisational position',
  confidence: 'Confidence',
  organisationalRisk: 'Organisational risk',
  opportunity: 'Opportunity',
};

export const dateTime = (iso: string | null): string => momentText(iso);
