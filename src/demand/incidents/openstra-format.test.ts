/**
 * The OpenSTRA incident CSV as documented: the example in docs/demand-formats.md reads without a
 * reject through the shipped mapping, with every documented column landing where it says.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/shared-data.js';
import { incidentMappingSchema } from '../mapping/incident-mapping.js';
import { loadMapping } from '../mapping/load-mapping.js';
import { readIncidents } from './read-incidents.js';

describe('OpenSTRA incident CSV', () => {
  it('reads the documented example with every column', async () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/demand-formats.md'), 'utf8');
    const example = /```csv\n([\s\S]*?)```/.exec(doc)![1]!;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'openstra-doc-')), 'example.csv');
    writeFileSync(file, example);
    const mapping = await loadMapping(
      path.join(repoRoot, 'data/demand/mappings/openstra-incidents.json'),
      incidentMappingSchema,
    );
    const { incidents, report } = await readIncidents(file, mapping, 'example.csv');
    expect(report).toMatchObject({ rows: 2, accepted: 2, rejected: 0 });
    expect(incidents[0]).toMatchObject({
      id: 'WM-180301-0042',
      openingCode: 'CONCERN FOR SAFETY',
      closingCode: 'MENTAL HEALTH',
      demandClass: 'mental-health',
      grade: 'priority',
      outcome: 'no-further-action',
      area: { kind: 'lsoa', code: 'E01031035' },
      crimeRelated: false,
      mentalHealth: true,
      officerMinutes: 170,
    });
    // 1 March 2018 is GMT: local and UTC agree.
    expect(incidents[0]!.opened.utc).toBe(Date.parse('2018-03-01T22:14:05Z'));
    expect((incidents[0]!.arrived!.utc - incidents[0]!.opened.utc) / 60_000).toBeCloseTo(12.58, 2);
    expect(incidents[1]).toMatchObject({
      demandClass: 'crime',
      crimeRelated: true,
      grade: 'scheduled',
      outcome: 'crime-report',
    });
  });
});
