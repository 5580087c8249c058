/**
 * Small helpers over a factor's levels: find a factor, the level at a value, and the levels
 * above or below a value. Shared by input validation, the grid formula, combining and
 * sensitivity so they all agree on what "one level up" means.
 */
import type { Factor, Level, ScoringModel } from './model-schema.js';

export function findFactor(model: ScoringModel, id: string): Factor | undefined {
  return model.factors.find((f) => f.id === id);
}

export function getFactor(model: ScoringModel, id: string): Factor {
  const factor = findFactor(model, id);
  if (factor === undefined) throw new Error(`model ${model.id} has no factor "${id}"`);
  return factor;
}

/** Index of the level whose value is exactly `value`, or -1. */
export function levelIndex(factor: Factor, value: number): number {
  return factor.levels.findIndex((l) => l.value === value);
}

export function levelAt(factor: Factor, value: number): Level | undefined {
  return factor.levels[levelIndex(factor, value)];
}

/** "3 (substantial)" for an exact level, the bare number otherwise (e.g. a combined median). */
export function describeValue(factor: Factor, value: number): string {
  const level = levelAt(factor, value);
  return level === undefined ? String(value) : `${value} (${level.label})`;
}

/** Levels strictly above `value`, nearest first. */
export function levelsAbove(factor: Factor, value: number): Level[] {
  return factor.levels.filter((l) => l.value > value);
}

/** Levels strictly below `value`, nearest first. */
export function levelsBelow(factor: Factor, value: number): Level[] {
  return factor.levels.filter((l) => l.value < value).reverse();
}

export function rangeText(factor: Factor): string {
  return `${factor.min}..${factor.max}`;
}
