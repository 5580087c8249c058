/**
 * Concentration of harm: what share of all harm falls in the most harmed 5% / 10% of areas
 * (typically LSOAs). The usual finding (e.g. Sherman's "power few") is that a small share of
 * places carries a large share of harm; this gives the figure for a force or partnership.
 *
 * Method, in words an analyst can quote: "Areas were sorted from most to least harm. The top 5%
 * is the ceil(0.05 x N) most harmed of the N areas in the force area, including areas with no
 * recorded crime; its share is the harm in those areas divided by the total harm of all N areas.
 * Ties at the cut-off are broken by area code, so the figure is reproducible."
 *
 * Pure: no I/O.
 */
import { inputError } from '../../errors.js';

export interface AreaHarm {
  readonly area: string;
  readonly harm: number;
}

export interface ConcentrationTier {
  /** Requested fraction of areas, e.g. 0.05. */
  readonly fraction: number;
  /** Number of areas in the tier: ceil(fraction x areaCount), at least 1 when there are areas. */
  readonly areas: number;
  /** Harm in those areas. */
  readonly harm: number;
  /** harm / total harm; `null` when the total harm is 0. */
  readonly share: number | null;
  /** The area keys in the tier, most harmed first. */
  readonly areaKeys: readonly string[];
  /** Harm of the last area included (the cut-off value). */
  readonly cutoffHarm: number | null;
}

export interface ConcentrationResult {
  readonly areaCount: number;
  readonly totalHarm: number;
  /** Areas with zero harm (they count in N). */
  readonly zeroHarmAreas: number;
  readonly tiers: readonly ConcentrationTier[];
}

export const DEFAULT_CONCENTRATION_FRACTIONS: readonly number[] = [0.05, 0.1];

/**
 * Share of total harm in the top `fractions` of areas. Pass every area of the geography (with
 * harm 0 where nothing was recorded): leaving out zero-harm areas shrinks N and understates
 * concentration. Harm must be finite and >= 0; area keys must be unique.
 */
export function harmConcentration(
  areas: Iterable<AreaHarm>,
  fractions: readonly number[] = DEFAULT_CONCENTRATION_FRACTIONS,
): ConcentrationResult {
  const list = [...areas];
  const seen = new Set<string>();
  for (const a of list) {
    if (seen.has(a.area)) throw inputError(`Concentration: area "${a.area}" appears twice`, { area: a.area });
    seen.add(a.area);
    if (!Number.isFinite(a.harm) || a.harm < 0) {
      throw inputError(`Concentration: harm of area "${a.area}" must be a finite number >= 0, got ${a.harm}`, {
        area: a.area,
      });
    }
  }
  for (const f of fractions) {
    if (!(f > 0 && f <= 1)) throw inputError(`Concentration: fraction must be in (0, 1], got ${f}`);
  }
  const sorted = [...list].sort((a, b) => b.harm - a.harm || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
  const total = sorted.reduce((s, a) => s + a.harm, 0);
  const n = sorted.length;
  const tiers = fractions.map((fraction): ConcentrationTier => {
    // Guard against floating error such as 0.1 * 30 = 3.0000000000000004 -> 4.
    const k = n === 0 ? 0 : Math.max(1, Math.ceil(fraction * n - 1e-9));
    const top = sorted.slice(0, k);
    const harm = top.reduce((s, a) => s + a.harm, 0);
    return {
      fraction,
      areas: k,
      harm,
      share: total === 0 ? null : harm / total,
      areaKeys: top.map((a) => a.area),
      cutoffHarm: top.length === 0 ? null : (top[top.length - 1]?.harm ?? null),
    };
  });
  return { areaCount: n, totalHarm: total, zeroHarmAreas: sorted.filter((a) => a.harm === 0).length, tiers };
}

/**
 * The concentration curve: after sorting areas from most to least harm, the share of all harm in
 * the first k areas against k / N, at `points` evenly spaced shares of areas (and the ends).
 * A straight diagonal is harm spread evenly; a curve rising steeply is harm concentrated.
 */
export function concentrationCurve(
  areas: readonly AreaHarm[],
  points = 100,
): { areaShare: number; harmShare: number }[] {
  const harms = areas.map((a) => a.harm).sort((a, b) => b - a);
  const total = harms.reduce((a, b) => a + b, 0);
  if (harms.length === 0 || total === 0) return [];
  const cumulative: number[] = [];
  let sum = 0;
  for (const h of harms) cumulative.push((sum += h));
  const out = [{ areaShare: 0, harmShare: 0 }];
  for (let i = 1; i <= points; i++) {
    const k = Math.max(1, Math.round((i / points) * harms.length));
    out.push({ areaShare: k / harms.length, harmShare: cumulative[k - 1]! / total });
  }
  return out;
}
