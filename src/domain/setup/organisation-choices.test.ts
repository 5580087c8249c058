import { describe, expect, it } from 'vitest';
import { cspId, forceChoices, planSetup, type AreaSummaryRow } from './organisation-choices.js';

const rows: AreaSummaryRow[] = [
  {
    force: 'staffordshire',
    forceName: 'Staffordshire Police',
    csp: 'Stoke-on-Trent',
    district: 'Stoke-on-Trent',
    lsoas: 159,
  },
  {
    force: 'staffordshire',
    forceName: 'Staffordshire Police',
    csp: 'Cannock Chase',
    district: 'Cannock Chase',
    lsoas: 62,
  },
  {
    force: 'staffordshire',
    forceName: 'Staffordshire Police',
    csp: 'South Staffordshire',
    district: 'South Staffordshire',
    lsoas: 69,
  },
  { force: 'kent', forceName: 'Kent Police', csp: 'Medway', district: 'Medway', lsoas: 163 },
];

describe('first-run organisation choices', () => {
  it('lists each force with its CSPs, districts and LSOAs, by name', () => {
    const [kent, staffs] = forceChoices(rows);
    expect(kent!.name).toBe('Kent Police');
    expect(staffs!.csps.map((c) => c.name)).toEqual(['Cannock Chase', 'South Staffordshire', 'Stoke-on-Trent']);
    expect(staffs).toMatchObject({ districts: 3, lsoas: 290 });
  });

  it('gives a force all its CSPs at once, each under it, all administered by the first admin', () => {
    const plan = planSetup({ kind: 'force', force: 'staffordshire' }, forceChoices(rows));
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.organisations.map((o) => [o.id, o.kind, o.parentId])).toEqual([
      ['staffordshire', 'force', null],
      ['csp-cannock-chase', 'csp', 'staffordshire'],
      ['csp-south-staffordshire', 'csp', 'staffordshire'],
      ['csp-stoke-on-trent', 'csp', 'staffordshire'],
    ]);
    expect(plan.organisations[3]!.name).toBe('Stoke-on-Trent Community Safety Partnership');
    expect(plan.administers).toHaveLength(4);
  });

  it('gives a CSP its force as parent and administers the CSP alone; an OPCC stands alone', () => {
    const forces = forceChoices(rows);
    const csp = planSetup({ kind: 'csp', force: 'staffordshire', csp: 'Cannock Chase' }, forces);
    if ('error' in csp) throw new Error(csp.error);
    expect(csp.organisations.map((o) => o.id)).toEqual(['staffordshire', 'csp-cannock-chase']);
    expect(csp.administers).toEqual(['csp-cannock-chase']);
    expect(csp.lsoas).toBe(62);
    const opcc = planSetup({ kind: 'opcc', force: 'staffordshire' }, forces);
    if ('error' in opcc) throw new Error(opcc.error);
    expect(opcc.organisations).toEqual([
      {
        id: 'staffordshire-opcc',
        name: 'Office of the Police and Crime Commissioner for Staffordshire',
        kind: 'opcc',
        parentId: null,
      },
    ]);
  });

  it('names the field when the force or CSP is not in the table', () => {
    expect(planSetup({ kind: 'force', force: 'gotham' }, forceChoices(rows))).toMatchObject({
      field: 'organisation.force',
    });
    expect(planSetup({ kind: 'csp', force: 'kent', csp: 'Rugby' }, forceChoices(rows))).toMatchObject({
      field: 'organisation.csp',
    });
    expect(cspId('Herefordshire, County of')).toBe('csp-herefordshire-county-of');
  });
});
