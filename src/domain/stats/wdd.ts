/**
 * The Weighted Displacement Difference (WDD) test for place-based interventions.
 *
 * Why: to evidence "what works", an analyst compares the change in crime in a target area (where
 * something was done) with the change in a control area, and optionally checks a displacement
 * (buffer) area for crime pushed next door. The WDD gives that difference-in-differences a
 * standard error from the counts alone, so it can carry a z-score and a confidence interval.
 *
 * Method: Wheeler, A.P. & Ratcliffe, J.H. (2018). "A simple weighted displacement difference test
 * to evaluate place based crime interventions." Crime Science 7, 11.
 * doi:10.1186/s40163-018-0085-5
 *
 *   WDD = (T1 - T0) - (C1 - C0) + (D1 - D0) - (Cd1 - Cd0)
 *   Var(WDD) = T1 + T0 + C1 + C0 + D1 + D0 + Cd1 + Cd0
 *
 * (T target, C its control, D displacement area, Cd the displacement area's control; 0 before,
 * 1 after). Each count is treated as Poisson, so its variance is the count itself, and the WDD is
 * referred to the normal distribution. A negative WDD means crime fell in the target (plus
 * displacement) area relative to the controls.
 *
 * Unequal periods and areas follow Wheeler's extensions, as implemented in the R package ptools
 * (`wdd`): each count is divided by (period length x area size), and its variance by the square of
 * that, so the WDD reads as a change per unit time per unit area. Blog posts: "The WDD test with
 * different pre/post time periods" (andrewpwheeler.com, 2021-01-09) and "The WDD test with
 * different area sizes" (2021-02-23).
 */
import { twoSidedPValue, zForConfidence } from './normal.js';
import { assertCount, assertPositive } from './validate.js';

/** Counts in one area before and after the intervention. */
export interface AreaCounts {
  readonly before: number;
  readonly after: number;
  /** Size of the area (e.g. km^2) when areas differ; default 1. */
  readonly size?: number;
}

export interface WddInput {
  readonly target: AreaCounts;
  readonly control: AreaCounts;
  /** A displacement (buffer) area and the control it is compared with; both or neither. */
  readonly displacement?: { readonly area: AreaCounts; readonly control: AreaCounts };
  /** Lengths of the before and after periods (e.g. 24 and 12 months); default 1 and 1. */
  readonly periodLengths?: { readonly before: number; readonly after: number };
  /** Confidence level of the interval; default 0.95. */
  readonly confidenceLevel?: number;
}

export interface WddComponent {
  readonly estimate: number;
  readonly variance: number;
  readonly standardError: number;
}

export interface ConfidenceInterval {
  readonly level: number;
  readonly lower: number;
  readonly upper: number;
}

export type WddResult =
  | {
      readonly status: 'ok';
      /** Target against control. */
      readonly local: WddComponent;
      /** Displacement area against its control, or null when none was given. */
      readonly displacement: WddComponent | null;
      /** local + displacement: the WDD of Wheeler & Ratcliffe. */
      readonly total: WddComponent;
      readonly z: number;
      /** Two-sided p-value of z. */
      readonly pValue: number;
      readonly confidenceInterval: ConfidenceInterval;
    }
  | { readonly status: 'insufficient-data'; readonly reason: 'no-events' };

type Lengths = { readonly before: number; readonly after: number };

function component(estimate: number, variance: number): WddComponent {
  return { estimate, variance, standardError: Math.sqrt(variance) };
}

/** Change after - before in one area, per unit time and area, with its Poisson variance. */
function change(area: AreaCounts, lengths: Lengths, name: string): WddComponent {
  assertCount(area.before, `${name}.before`);
  assertCount(area.after, `${name}.after`);
  const size = area.size ?? 1;
  assertPositive(size, `${name}.size`);
  const wBefore = lengths.before * size;
  const wAfter = lengths.after * size;
  return component(area.after / wAfter - area.before / wBefore, area.after / wAfter ** 2 + area.before / wBefore ** 2);
}

/** Treated change minus control change; independent counts, so the variances add. */
function difference(treated: WddComponent, control: WddComponent): WddComponent {
  return component(treated.estimate - control.estimate, treated.variance + control.variance);
}

function sum(a: WddComponent, b: WddComponent): WddComponent {
  return component(a.estimate + b.estimate, a.variance + b.variance);
}

export interface WddInference {
  readonly z: number;
  readonly pValue: number;
  readonly confidenceInterval: ConfidenceInterval;
}

/** z, two-sided p-value and interval for a WDD estimate (shared with the harm-weighted form). */
export function wddInference(total: WddComponent, confidenceLevel: number): WddInference {
  const z = total.estimate / total.standardError;
  const half = zForConfidence(confidenceLevel) * total.standardError;
  const confidenceInterval = {
    level: confidenceLevel,
    lower: total.estimate - half,
    upper: total.estimate + half,
  };
  return { z, pValue: twoSidedPValue(z), confidenceInterval };
}

export function wdd(input: WddInput): WddResult {
  const lengths = input.periodLengths ?? { before: 1, after: 1 };
  assertPositive(lengths.before, 'periodLengths.before');
  assertPositive(lengths.after, 'periodLengths.after');
  const confidenceLevel = input.confidenceLevel ?? 0.95;
  zForConfidence(confidenceLevel); // validates the level before any result is built
  const local = difference(change(input.target, lengths, 'target'), change(input.control, lengths, 'control'));
  const d = input.displacement;
  const displacement = d
    ? difference(change(d.area, lengths, 'displacement.area'), change(d.control, lengths, 'displacement.control'))
    : null;
  const total = displacement ? sum(local, displacement) : local;
  if (total.variance === 0) return { status: 'insufficient-data', reason: 'no-events' };
  return { status: 'ok', local, displacement, total, ...wddInference(total, confidenceLevel) };
}
