/**
 * An investigation's reference is unique among the investigations its writer can see (issue 13,
 * defect 5; migration 017): opening OP-X beside an investigation OP-X marked above the writer is
 * answered exactly as opening an unused reference, and a reader who sees both is asked for the id.
 */
import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/store-dialects.js';
import { makeWorld, type World } from '../../../test/store-world.js';
import { refusal } from '../../../test/refusal.js';
import { createLinkInvestigation, getLinkInvestigation, listLinkInvestigations } from '../index.js';

describeEachDialect('investigation references within sight', (get) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(get());
    await createLinkInvestigation(get(), w.admin, {
      organisationId: w.force,
      reference: 'OP-HIDDEN',
      title: 'QXHIDDEN covert',
      marking: 'SECRET',
    });
  });

  it('opens a reference used only above the writer exactly as an unused one', async () => {
    const open = (reference: string) =>
      createLinkInvestigation(get(), w.analyst, { organisationId: w.force, reference, title: 'Mine' });
    const [beside, fresh] = [await open('OP-HIDDEN'), await open('OP-FRESH')];
    const shape = (i: typeof beside) => ({ ...i, id: 0, reference: '', createdAt: '', updatedAt: '' });
    expect(shape(beside)).toEqual(shape(fresh));
    expect(beside).toMatchObject({ reference: 'OP-HIDDEN', marking: 'OFFICIAL-SENSITIVE', title: 'Mine' });
    // A clash the writer can see is still refused.
    expect((await refusal(open('OP-FRESH'))).code).toBe('CONFLICT');
    expect((await getLinkInvestigation(get(), w.analyst, 'OP-HIDDEN')).id).toBe(beside.id);
  });

  it('asks a reader who sees both for the id', async () => {
    const both = (await listLinkInvestigations(get(), w.admin)).filter((i) => i.reference === 'OP-HIDDEN');
    expect(both.map((i) => i.marking).sort()).toEqual(['OFFICIAL-SENSITIVE', 'SECRET']);
    const ambiguous = await refusal(getLinkInvestigation(get(), w.admin, 'OP-HIDDEN'));
    expect(ambiguous.message).toMatch(
      /OP-HIDDEN names 2 investigations you can see \(ids \d+, \d+\), each at its own marking: use the id instead/,
    );
    expect((await getLinkInvestigation(get(), w.admin, both[0]!.id)).reference).toBe('OP-HIDDEN');
  });
});
