/**
 * The glossary and method notes behind every figure: what a number means, its unit, and how it
 * is computed, in words an analyst can quote. Each figure links to its entries (one click), and
 * the help page lists them all. Kept as data so a test can check every link has an entry.
 */
export interface GlossaryEntry {
  readonly title: string;
  /** What it is, in one or two sentences. */
  readonly meaning: string;
  /** The unit it is given in, when it has one. */
  readonly unit?: string;
  /** How it is computed, with the source to cite. */
  readonly method: string;
}

export const GLOSSARY = {
  'rate-per-1000': {
    title: 'Rate per 1,000 residents',
    meaning:
      'Recorded crimes in an area divided by the people who live there, so areas of different sizes can be compared.',
    unit: 'crimes per 1,000 residents over the period shown (not per year unless the period is a year)',
    method:
      'count / mid-year resident population x 1,000. The population is the ONS mid-year estimate nearest the middle of the period (districts, CSPs as the sum of their districts, forces as their police force area; LSOAs mid-2019). Areas without a population, crimes "(elsewhere)" and forces with missing months get no rate, never 0.',
  },
  css: {
    title: 'Crime Severity Score (CSS)',
    meaning:
      "The Office for National Statistics' measure of how much harm crime does, weighting each offence by how severely courts sentence it.",
    unit: 'weight units per resident (ONS publishes no further scaling)',
    method:
      'CSS = sum over offence codes of (offences x ONS weight) / mid-year population (ONS, 29 Nov 2016). Financial year April Y to March Y+1 uses the mid-Y population. From police.uk categories (no offence codes) it is an approximation using category weights that assume the national offence mix; the figure says so. Fraud has no weight.',
  },
  cchi: {
    title: 'Cambridge Crime Harm Index (CCHI)',
    meaning:
      "Harm measured by the starting-point sentence for a first offender under the Sentencing Council's guidelines: a crime that would send someone to prison for a year weighs 365.",
    unit: 'days of imprisonment (a fine or community order is converted to days)',
    method:
      'harm = sum of crimes x CCHI weight of their type (Sherman, Neyroud & Neyroud 2016). police.uk categories take the median weight of the offences within them (cchi-median). Anti-social behaviour has no weight and is left out of harm, and counted as unweighted.',
  },
  'harm-concentration': {
    title: 'Harm concentration',
    meaning:
      'What share of all harm falls in the most harmed 5% or 10% of areas (LSOAs): the "power few" places where a little effort reaches much harm.',
    unit: 'share of harm (%), with the number of areas in the tier',
    method:
      'Areas are sorted from most to least harm. The top 5% is the ceil(0.05 x N) most harmed of the N areas of the force, counting areas with no recorded crime; its share is their harm divided by the harm of all N areas. Ties at the cut-off are broken by area code.',
  },
  'e-test': {
    title: 'E-test (comparing two counts)',
    meaning:
      'Tests whether a change between two counts (this year against last year, or against the average of earlier years) is more than chance would give. It is the test the crime analysis literature recommends for counts.',
    method:
      'The Poisson E-test of Krishnamoorthy & Thomson (2004), with each count over its exposure (one year against N years). Its p-value is the chance of a difference at least this large if the underlying rate had not changed.',
  },
  'q-value': {
    title: 'q-value (adjusted p-value)',
    meaning:
      'A p-value adjusted because many comparisons are made at once (every crime type, every area). A q-value below 0.05 means "significant" with at most 5% of the changes flagged expected to be false alarms.',
    unit: 'a probability, 0 to 1 (no unit); smaller is stronger evidence',
    method:
      'Benjamini-Hochberg false discovery rate adjustment across all the cells compared in one table. "Significantly above/below" needs q < 0.05; "above/below" is a change with q >= 0.05.',
  },
  'control-limits': {
    title: 'Control limits (monthly series)',
    meaning: "The range a month's count would usually fall in, given the same month in the previous three years.",
    unit: 'crimes per month',
    method:
      'Expected = mean of the same month in the previous 3 years; 95% limits on the 2/3-power scale with the dispersion estimated from those years (Farrington et al. 1996, simplified). A month outside the limits is marked. A month missing from the warehouse is a gap, never zero.',
  },
  wdd: {
    title: 'Weighted Displacement Difference (WDD) test: "what works"',
    meaning:
      'Did crime fall in the area where something was done, more than in a comparable control area, without being pushed next door? A negative WDD is a fall relative to the control.',
    unit: 'crimes (per month per unit area when the periods differ in length); z-score and 95% interval',
    method:
      'WDD = (T1 - T0) - (C1 - C0) + (D1 - D0) - (Cd1 - Cd0), variance = the sum of the eight counts, referred to the normal distribution (Wheeler & Ratcliffe 2018, Crime Science 7:11). T target, C control, D displacement area, Cd its control; 0 before, 1 after. The harm-weighted form weights each crime type by its harm.',
  },
  'morile-s': {
    title: "MoRiLE's s (priority score)",
    meaning:
      "A threat's priority on a 0 to 1 scale: its harm times its likelihood, raised where the organisation lacks capacity, capability or partners.",
    unit: 'a fraction of the highest possible priority (0 to 1)',
    method:
      "s = priority / 280, where priority = harm (0-28) x likelihood (1-5) x (1 + organisational gap / 3). Bands: PRIORITY at s >= 0.35, intelligence requirement at 0.15 to 0.35, business as usual below. These are OpenSTRA's default numbers following MoRiLE's public structure, not official ones.",
  },
  'indicator-check': {
    title: 'Indicator tables and their check',
    meaning:
      'Figures that are not crime records (calls, domestic abuse referrals, published performance tables), kept as series; the check recomputes every printed percentage from its counts.',
    method:
      'Each printed change or share is recomputed from the counts it was printed from; a figure that differs by more than its rounding is listed with both values.',
  },
  coverage: {
    title: 'Coverage (months loaded)',
    meaning:
      'Which months of data the warehouse holds for each force. police.uk leaves whole force-months out; a missing month is "no data", never zero crime.',
    method:
      'Read from the catalog of imported files. Every figure over a period with a missing month for a force it covers is left blank for that force and says which months are missing.',
  },
  'stop-and-search': {
    title: 'Stop and search',
    meaning:
      'Searches recorded by each force (police.uk), by object of search, outcome and the people searched, beside crime.',
    unit: 'searches',
    method:
      'Counts of police.uk stop-and-search records in the period. "Find rate" is the share of searches whose outcome is an arrest or another action that found something, as police.uk records it.',
  },
  elsewhere: {
    title: '"(elsewhere)"',
    meaning:
      'A force\'s crimes that police.uk placed in an LSOA of another force (a snap to a location over the border). They count in the force that recorded them, as "(elsewhere)", never in the neighbour\'s districts, and have no rate.',
    method:
      'An LSOA belongs to the force whose area contains it in the ONS lookup (LSOA 2011 -> district -> CSP -> police force area, shipped with OpenSTRA).',
  },
} as const satisfies Record<string, GlossaryEntry>;

export type GlossaryId = keyof typeof GLOSSARY;

export const GLOSSARY_IDS = Object.keys(GLOSSARY) as GlossaryId[];
