/**
 * First run (issue 14): the organisations a new workspace can be set up for, read from the area
 * table (the shipped national table: 43 forces and their community safety partnerships), and the
 * organisations one choice creates. Pure: the caller reads the area table and writes the store.
 *
 * Decisions, following the conventions the rest of OpenSTRA reads (domain/crime/home-area.ts):
 * a force's id is its police.uk slug; a CSP is `csp-<slug of its name>`, named "<name> Community
 * Safety Partnership", under its force; an OPCC is `<force>-opcc`. Choosing a force creates the
 * force and every one of its CSPs at once (its districts are already in the area table), and the
 * first administrator administers all of them; choosing a CSP creates its force (so its area is
 * known) and the CSP, administered alone; choosing an OPCC creates the OPCC alone.
 */
/** One row of the area table's summary: a district of a CSP of a force, with its LSOA count. */
export interface AreaSummaryRow {
  readonly force: string;
  readonly forceName: string;
  readonly csp: string;
  readonly district: string;
  readonly lsoas: number;
}

export interface ForceChoice {
  readonly slug: string;
  readonly name: string;
  readonly csps: readonly {
    readonly id: string;
    readonly name: string;
    readonly districts: readonly string[];
    readonly lsoas: number;
  }[];
  readonly districts: number;
  readonly lsoas: number;
}

/** What the first administrator chose: a force, one CSP of a force (by id or name), or a force's OPCC. */
export type SetupChoice =
  | { readonly kind: 'force'; readonly force: string }
  | { readonly kind: 'csp'; readonly force: string; readonly csp: string }
  | { readonly kind: 'opcc'; readonly force: string };

export interface PlannedOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: 'force' | 'csp' | 'opcc';
  readonly parentId: string | null;
}

export interface SetupPlan {
  readonly organisations: readonly PlannedOrganisation[];
  /** The organisations the first administrator administers. */
  readonly administers: readonly string[];
  /** What the set-up gives, for the answer: the force's CSPs, districts and LSOAs. */
  readonly csps: number;
  readonly districts: number;
  readonly lsoas: number;
}

export const slugOf = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

export const cspId = (name: string): string => `csp-${slugOf(name)}`;

/** "Staffordshire Police" -> "Staffordshire": the area a force's commissioner is named for. */
const areaOf = (forceName: string): string =>
  forceName.replace(/\s+(Police Service|Police|Constabulary)$/, '').replace(/^(.*) Police Service$/, '$1');

/** The forces of the area table with their CSPs and districts, by name. */
export function forceChoices(rows: readonly AreaSummaryRow[]): ForceChoice[] {
  const forces = new Map<
    string,
    { name: string; csps: Map<string, { districts: string[]; lsoas: number }>; lsoas: number }
  >();
  for (const r of rows) {
    const f = forces.get(r.force) ?? { name: r.forceName || r.force, csps: new Map(), lsoas: 0 };
    forces.set(r.force, f);
    if (r.forceName && f.name === r.force) f.name = r.forceName;
    const csp = f.csps.get(r.csp) ?? { districts: [], lsoas: 0 };
    f.csps.set(r.csp, csp);
    if (!csp.districts.includes(r.district)) csp.districts.push(r.district);
    csp.lsoas += r.lsoas;
    f.lsoas += r.lsoas;
  }
  return [...forces.entries()]
    .map(([slug, f]) => ({
      slug,
      name: f.name,
      csps: [...f.csps.entries()]
        .map(([name, c]) => ({ id: cspId(name), name, districts: [...c.districts].sort(), lsoas: c.lsoas }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      districts: new Set([...f.csps.values()].flatMap((c) => c.districts)).size,
      lsoas: f.lsoas,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The organisations a choice creates; an error message naming the field when it is not in the table. */
export function planSetup(
  choice: SetupChoice,
  forces: readonly ForceChoice[],
): SetupPlan | { error: string; field: string } {
  const force = forces.find((f) => f.slug === choice.force);
  if (force === undefined)
    return { field: 'organisation.force', error: `"${choice.force}" is not a force of the area table` };
  const forceOrg: PlannedOrganisation = { id: force.slug, name: force.name, kind: 'force', parentId: null };
  const cspOrg = (c: ForceChoice['csps'][number]): PlannedOrganisation => ({
    id: c.id,
    name: `${c.name} Community Safety Partnership`,
    kind: 'csp',
    parentId: force.slug,
  });
  switch (choice.kind) {
    case 'force': {
      const csps = force.csps.map(cspOrg);
      return {
        organisations: [forceOrg, ...csps],
        administers: [forceOrg.id, ...csps.map((c) => c.id)],
        csps: csps.length,
        districts: force.districts,
        lsoas: force.lsoas,
      };
    }
    case 'csp': {
      const csp = force.csps.find((c) => c.id === choice.csp || c.name === choice.csp);
      if (csp === undefined)
        return {
          field: 'organisation.csp',
          error: `"${choice.csp}" is not a community safety partnership of ${force.name}`,
        };
      return {
        organisations: [forceOrg, cspOrg(csp)],
        administers: [csp.id],
        csps: 1,
        districts: csp.districts.length,
        lsoas: csp.lsoas,
      };
    }
    case 'opcc': {
      const opcc: PlannedOrganisation = {
        id: `${force.slug}-opcc`,
        name: `Office of the Police and Crime Commissioner for ${areaOf(force.name)}`,
        kind: 'opcc',
        parentId: null,
      };
      return { organisations: [opcc], administers: [opcc.id], csps: 0, districts: force.districts, lsoas: force.lsoas };
    }
  }
}
