/**
 * The likelihood x impact scale a risk is scored on. Why here: the seed maps strategic risk on
 * "two axis; Likelihood and Harm/Impact", and registers differ in size (3x3, 4x4, 5x5), so the
 * size is a parameter and 5x5 the default. Decisions: a risk stores its scale size with its
 * values, so a register that later moves to another size never reinterprets old scores; labels
 * are presentation only (a default set per size, or the register's own), never stored.
 */
import { inputError } from '../../errors.js';

export const DEFAULT_SCALE_SIZE = 5;
export const MIN_SCALE_SIZE = 2;
export const MAX_SCALE_SIZE = 10;

export interface RiskScale {
  /** Levels on each axis: 1 (lowest) to size (highest). */
  readonly size: number;
  /** Label of each likelihood level, lowest first (index 0 is level 1). */
  readonly likelihoodLabels: readonly string[];
  /** Label of each impact (harm) level, lowest first. */
  readonly impactLabels: readonly string[];
}

/** The usual wording for the common sizes; other sizes are labelled by number. */
const DEFAULT_LABELS: Readonly<Record<number, { likelihood: readonly string[]; impact: readonly string[] }>> = {
  3: { likelihood: ['Unlikely', 'Possible', 'Likely'], impact: ['Low', 'Medium', 'High'] },
  4: {
    likelihood: ['Unlikely', 'Possible', 'Likely', 'Almost certain'],
    impact: ['Minor', 'Moderate', 'Major', 'Severe'],
  },
  5: {
    likelihood: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
    impact: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  },
};

export function checkScaleSize(size: number): number {
  if (!Number.isInteger(size) || size < MIN_SCALE_SIZE || size > MAX_SCALE_SIZE) {
    throw inputError(
      `A risk scale size must be a whole number from ${MIN_SCALE_SIZE} to ${MAX_SCALE_SIZE} (5 for the usual 5x5), not ${size}.`,
    );
  }
  return size;
}

/** The scale of `size` levels, with the given labels or the default ones for that size. */
export function riskScale(
  size: number = DEFAULT_SCALE_SIZE,
  labels: { likelihood?: readonly string[]; impact?: readonly string[] } = {},
): RiskScale {
  checkScaleSize(size);
  const numbered = Array.from({ length: size }, (_, i) => String(i + 1));
  const likelihoodLabels = labels.likelihood ?? DEFAULT_LABELS[size]?.likelihood ?? numbered;
  const impactLabels = labels.impact ?? DEFAULT_LABELS[size]?.impact ?? numbered;
  for (const [axis, given] of [
    ['likelihood', likelihoodLabels],
    ['impact', impactLabels],
  ] as const) {
    if (given.length !== size)
      throw inputError(
        `A ${size}x${size} scale needs ${size} ${axis} labels, lowest first; ${given.length} were given.`,
      );
  }
  return { size, likelihoodLabels, impactLabels };
}

/** Refuses a level outside 1..size; `what` names it in the message ("likelihood"). */
export function checkLevel(scale: Pick<RiskScale, 'size'>, value: number, what: string): number {
  if (!Number.isInteger(value) || value < 1 || value > scale.size) {
    throw inputError(
      `The ${what} must be a whole number from 1 to ${scale.size} on this risk's ${scale.size}x${scale.size} scale, not ${value}.`,
    );
  }
  return value;
}

/** "4 Likely": a level with its label, for tables and the heat map. */
export function levelName(labels: readonly string[], level: number): string {
  const label = labels[level - 1];
  return label === undefined || label === String(level) ? String(level) : `${level} ${label}`;
}
