/**
 * Marking enforcement in the data-access layer, table-driven: the SQL rule agrees with
 * `canSee` on every combination of clearance, marking and organisation reach, and a repository
 * read of threats returns exactly what `canSee` allows, for every actor of the world.
 */
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { MARKINGS, canSee, type Marking } from '../../domain/marking.js';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import type { Actor } from './actor.js';
import { createAssessment, createThreat, listThreats, type Threat } from '../index.js';
import { visibleTo } from './policy.js';
import { dbOf } from './store.js';

const ORGS = ['a', 'b', 'c'];
const records = MARKINGS.flatMap((marking) =>
  ORGS.flatMap((organisationId) =>
    [[], ['a'], ['b', 'c']].map((sharedWith) => ({ marking, organisationId, sharedWith })),
  ),
);
const readers = MARKINGS.flatMap((clearance) =>
  [[], ['a'], ['b'], ['a', 'c']].map((organisationIds) => ({ clearance, organisationIds })),
);

describeEachDialect('visibleTo', (get) => {
  it.each(readers)('agrees with canSee for a reader cleared to $clearance in $organisationIds', async (reader) => {
    const actor: Actor = { userId: 0, username: 'x', roles: {}, ...reader };
    const values = sql.join(
      records.map(
        (r, i) =>
          sql`(${i}, ${r.marking}, ${r.organisationId}, ARRAY[${sql.join(r.sharedWith.length ? r.sharedWith : [''])}]::text[])`,
      ),
    );
    const rows = await sql<{
      i: number;
    }>`SELECT i FROM (VALUES ${values}) AS r(i, marking, organisation_id, shared_with) WHERE ${visibleTo(actor, 'r')}`.execute(
      dbOf(get()),
    );
    const expected = records.flatMap((r, i) => (canSee(reader, r) ? [i] : []));
    expect(rows.rows.map((r) => Number(r.i)).sort((x, y) => x - y)).toEqual(expected);
  });
});

describeEachDialect('threat reads follow the marking rule', (get) => {
  let w: World;
  let threats: Threat[];
  beforeAll(async () => {
    w = await makeWorld(get());
    threats = [];
    for (const org of [w.force, w.other]) {
      const a = await createAssessment(get(), w.admin, { organisationId: org, period: '2017/18', versionLabel: 'V1' });
      for (const marking of MARKINGS) {
        for (const shared of [[], [w.partner]]) {
          threats.push(
            await createThreat(get(), w.admin, a.id, {
              name: `${marking} ${shared.length ? 'shared' : 'own'}`,
              marking: marking as Marking,
              sharedWith: shared,
            }),
          );
        }
      }
    }
  });

  it.each(['admin', 'analyst', 'approver', 'reader', 'otherReader', 'partnerReader'] as const)(
    '%s sees exactly what canSee allows',
    async (who) => {
      const actor = w[who];
      const mine = new Set(threats.map((t) => t.assessmentId));
      const seen = (await listThreats(get(), actor)).filter((t) => mine.has(t.assessmentId)).map((t) => t.id);
      expect(seen).toEqual(threats.filter((t) => canSee(actor, t)).map((t) => t.id));
    },
  );

  it('equal rank is not enough: an OFFICIAL-SENSITIVE reader of another force sees none of this force', async () => {
    const seen = await listThreats(get(), w.otherReader, { assessmentId: threats[0]?.assessmentId });
    expect(seen).toEqual([]);
  });
});
