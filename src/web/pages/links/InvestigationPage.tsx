/**
 * One link analysis investigation (issue 16), at /links/investigations/:id: its devices, its
 * imports (file, format, records, who, when), its identifiers with their counts and roles, the
 * investigations the user may see that share identifiers with it (each opens its own page), and
 * for those they may not see only the deconfliction notice (whom to contact, never which). An
 * analyst or administrator of its owning organisation may re-mark it (markings up to their
 * clearance; sent with the version shown, a 409 said plainly). A hidden or unknown one is "not found".
 */
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'wouter';
import type { LinkInvestigation, LinkInvestigationDetailAnswer, Marking } from '../../../api/index.js';
import { api } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { MarkingSelect } from '../../components/MarkingSelect';
import { Await, ErrorNote } from '../../components/Status';
import { momentText } from '../../dates';
import { useSession } from '../../session';
import { useApi } from '../../use-api';
import { useOrganisations } from '../../use-organisations';
import './links.css';

type Page = LinkInvestigationDetailAnswer;
const when = (iso: string | null) => momentText(iso);
const roleText = (roles: Readonly<Record<string, number>>) =>
  Object.entries(roles)
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ${n.toLocaleString('en-GB')}`)
    .join(', ');

export function InvestigationPage() {
  const { id = '' } = useParams<{ id: string }>();
  const page = useApi<Page>(`/links/investigations/${encodeURIComponent(id)}`);
  return (
    <main id="main" className="links">
      <p>
        <Link href="/links/investigations">All investigations</Link>
      </p>
      <Await loaded={page}>{(p) => <Detail page={p} onChanged={page.reload} />}</Await>
    </main>
  );
}

function Detail({ page, onChanged }: { page: Page; onChanged: () => void }) {
  const { me } = useSession();
  const { nameOf } = useOrganisations();
  const inv = page.investigation;
  const mayRemark = (me?.roles[inv.organisationId] ?? []).some((r) => r === 'analyst' || r === 'admin');
  const devices: Column<Page['devices'][number]>[] = [
    { header: 'Device', value: (d) => d.label },
    { header: 'Imports', value: (d) => d.imports, numeric: true },
    { header: 'Contact and owner entries', value: (d) => d.identifiers, numeric: true },
    { header: 'Call and message parties', value: (d) => d.events, numeric: true },
    { header: 'First imported', value: (d) => when(d.createdAt) },
  ];
  const imports: Column<Page['imports'][number]>[] = [
    { header: 'File', value: (i) => i.fileName },
    { header: 'Device', value: (i) => i.device },
    { header: 'Format', value: (i) => i.format },
    { header: 'Mappings', value: (i) => i.mappings.join(', ') },
    { header: 'Records', value: (i) => i.records, numeric: true },
    { header: 'Skipped', value: (i) => i.skipped, numeric: true },
    { header: 'Imported by', value: (i) => i.importedBy ?? '' },
    { header: 'When', value: (i) => when(i.importedAt) },
  ];
  const refused: Column<Page['refused'][number]>[] = [
    { header: 'File', value: (r) => r.fileName },
    { header: 'Device', value: (r) => r.device },
    { header: 'Rows read', value: (r) => r.rowsRead, numeric: true },
    { header: 'Rejected', value: (r) => r.rejects, numeric: true },
    {
      header: 'First rejected row',
      value: (r) => {
        const f = r.firstRejects[0];
        return f === undefined ? '' : `${f.source} line ${f.line}, ${f.field}: ${f.reason}`;
      },
    },
    { header: 'Tried by', value: (r) => r.refusedBy ?? '' },
    { header: 'When', value: (r) => when(r.refusedAt) },
  ];
  const identifiers: Column<Page['identifiers'][number]>[] = [
    { header: 'Identifier', value: (i) => i.value },
    { header: 'Kind', value: (i) => i.kind },
    { header: 'Status', value: (i) => i.status },
    { header: 'Records', value: (i) => i.count, numeric: true },
    { header: 'Devices', value: (i) => i.devices, numeric: true },
    { header: 'Roles', value: (i) => roleText(i.roles) },
  ];
  const linked: Column<Page['linked'][number]>[] = [
    {
      header: 'Investigation',
      value: (l) => l.reference,
      render: (l) => <Link href={`/links/investigations/${l.id}`}>{l.reference}</Link>,
    },
    { header: 'Title', value: (l) => l.title },
    { header: 'Owned by', value: (l) => nameOf(l.organisationId) },
    { header: 'Marking', value: (l) => l.marking, render: (l) => <MarkingBadge marking={l.marking} /> },
    { header: 'Shared identifiers', value: (l) => l.shared, numeric: true },
  ];
  return (
    <>
      <h1>
        {inv.reference}
        {inv.title !== '' ? `: ${inv.title}` : ''} <MarkingBadge marking={inv.marking} />
      </h1>
      <p className="lede">
        Owned by {nameOf(inv.organisationId)}. Everything below is handled at {inv.marking}.
      </p>
      {page.elsewhere.length > 0 && (
        <div aria-label="Deconfliction">
          {page.elsewhere.map((w) => (
            <p key={w.organisationId} className="notice deconfliction" role="status">
              {w.message}
            </p>
          ))}
        </div>
      )}
      <section aria-labelledby="h-devices">
        <h2 id="h-devices">Devices</h2>
        <DataTable caption="Devices" columns={devices} rows={page.devices} empty="No device imported yet." />
      </section>
      <section aria-labelledby="h-imports">
        <h2 id="h-imports">Imports</h2>
        <p className="hint">
          An import is all or nothing: a file with any rejected row is refused whole and keeps nothing, so each kept
          import had none. Skipped rows held nothing to link on (a contact card without a number).
        </p>
        <DataTable caption="Imports" columns={imports} rows={page.imports} empty="Nothing imported yet." />
        {page.refused.length > 0 && (
          <DataTable
            caption="Refused files (nothing of them was kept)"
            columns={refused}
            rows={page.refused}
            empty=""
          />
        )}
      </section>
      <section aria-labelledby="h-identifiers">
        <h2 id="h-identifiers">Identifiers</h2>
        <DataTable
          caption="Identifiers, with the records naming each and in which role"
          columns={identifiers}
          rows={page.identifiers}
          empty="No identifiers yet."
        />
      </section>
      <section aria-labelledby="h-linked">
        <h2 id="h-linked">Linked investigations</h2>
        <DataTable
          caption="Investigations you can see that share identifiers with this one (service numbers aside)"
          columns={linked}
          rows={page.linked}
          empty="No investigation you can see shares an identifier with this one."
        />
      </section>
      {mayRemark && <RemarkForm investigation={inv} onSaved={onChanged} />}
    </>
  );
}

function RemarkForm({ investigation, onSaved }: { investigation: LinkInvestigation; onSaved: () => void }) {
  const [marking, setMarking] = useState<Marking>(investigation.marking);
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(undefined);
    try {
      const after = await api.put<LinkInvestigation>(`/links/investigations/${investigation.id}/marking`, {
        marking,
        expectedVersion: investigation.version,
      });
      setSaved(`${after.reference} is now marked ${after.marking}.`);
      onSaved();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="editor admin-form" aria-labelledby="h-remark" onSubmit={(e) => void submit(e)}>
      <h2 id="h-remark">Protective marking</h2>
      <p className="hint">
        Its devices, imports, identifiers and events are read only through the investigation, so they take its new
        marking. Only markings up to your clearance are offered; the change is audited.
      </p>
      <MarkingSelect id="remark-marking" value={marking} onChange={setMarking} />
      {error !== undefined && <ErrorNote message={error} />}
      {saved !== undefined && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={marking === investigation.marking}>
          Change the marking
        </button>
      </div>
    </form>
  );
}
