/** Harm domain: weights, harm totals, rankings, concentration, ONS Crime Severity Score, rates. */
export * from './weights.js';
export * from './harm.js';
export * from './ranking.js';
export * from './concentration.js';
export * from './css.js';
export * from './rates.js';
