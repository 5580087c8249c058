/**
 * Link analysis investigations (issue 16): the ones the user may see, with their devices and
 * records; opening one (OFFICIAL-SENSITIVE unless chosen otherwise, owned by an organisation where
 * the user is an analyst or administrator); and importing one device's export into one. The
 * import is all or nothing: a refused file lists every rejected row (file, line, field, why).
 */
import { useState, type FormEvent } from 'react';
import type {
  DeconflictionContactListed,
  ErrorAnswer,
  LinkImported,
  LinkInvestigationListed,
  LinkMappingListed,
  LinkReject,
  Marking,
} from '../../../api/index.js';
import { Link } from 'wouter';
import { api, ApiError, qs } from '../../api';
import { DataTable, type Column } from '../../components/DataTable';
import { MarkingBadge } from '../../components/MarkingBadge';
import { MarkingSelect } from '../../components/MarkingSelect';
import { Await, ErrorNote } from '../../components/Status';
import { useSession } from '../../session';
import { useApi } from '../../use-api';
import { useOrganisations } from '../../use-organisations';
import { MappingForm } from './MappingForm';
import './links.css';

export function InvestigationsPage() {
  const list = useApi<LinkInvestigationListed[]>('/links/investigations');
  const { me } = useSession();
  const { nameOf } = useOrganisations();
  const administered = Object.entries(me?.roles ?? {})
    .filter(([, roles]) => roles.includes('admin'))
    .map(([org]) => org);
  const writable = Object.entries(me?.roles ?? {})
    .filter(([, roles]) => roles.includes('analyst') || roles.includes('admin'))
    .map(([org]) => org);
  const columns: Column<LinkInvestigationListed>[] = [
    {
      header: 'Reference',
      value: (i) => i.reference,
      render: (i) => <Link href={`/links/investigations/${i.id}`}>{i.reference}</Link>,
    },
    { header: 'Title', value: (i) => i.title },
    { header: 'Owned by', value: (i) => nameOf(i.organisationId) },
    { header: 'Marking', value: (i) => i.marking, render: (i) => <MarkingBadge marking={i.marking} /> },
    { header: 'Devices', value: (i) => i.devices, numeric: true },
    { header: 'Contact and owner entries', value: (i) => i.identifiers, numeric: true },
    { header: 'Call and message parties', value: (i) => i.events, numeric: true },
  ];
  return (
    <main id="main" className="links">
      <h1>Link analysis investigations</h1>
      <p className="lede">
        Each investigation is marked and owned by an organisation; what was seized in it is seen only by those who may
        see the investigation.
      </p>
      <section aria-labelledby="h-investigations">
        <h2 id="h-investigations">Investigations you can see</h2>
        <Await loaded={list}>
          {(rows) => (
            <DataTable
              caption="Investigations"
              columns={columns}
              rows={rows}
              empty="No investigations you can see yet."
            />
          )}
        </Await>
      </section>
      {writable.length > 0 && (
        <div className="admin-grid">
          <NewInvestigationForm organisations={writable} nameOf={nameOf} onMade={list.reload} />
          <ImportForm investigations={list.data ?? []} onImported={list.reload} />
        </div>
      )}
      {writable.length > 0 && <MappingSection />}
      {administered.length > 0 && <ContactForm organisations={administered} />}
    </main>
  );
}

function NewInvestigationForm({
  organisations,
  nameOf,
  onMade,
}: {
  organisations: readonly string[];
  nameOf: (id: string) => string;
  onMade: () => void;
}) {
  const [marking, setMarking] = useState<Marking>('OFFICIAL-SENSITIVE');
  const [error, setError] = useState<string | undefined>(undefined);
  const [made, setMade] = useState<string | undefined>(undefined);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    setError(undefined);
    setMade(undefined);
    try {
      const i = await api.post<LinkInvestigationListed>('/links/investigations', {
        organisationId: String(f.get('organisationId')),
        reference: String(f.get('reference') ?? ''),
        title: String(f.get('title') ?? '') || undefined,
        marking,
      });
      setMade(`Opened ${i.reference} (${i.marking}).`);
      form.reset();
      onMade();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="editor admin-form" aria-labelledby="h-new-inv" onSubmit={(e) => void submit(e)}>
      <h2 id="h-new-inv">Open an investigation</h2>
      <label htmlFor="inv-org">Owned by</label>
      <select id="inv-org" name="organisationId">
        {organisations.map((o) => (
          <option key={o} value={o}>
            {nameOf(o)}
          </option>
        ))}
      </select>
      <label htmlFor="inv-ref">Reference</label>
      <input id="inv-ref" name="reference" required placeholder="OP-ALDER" />
      <label htmlFor="inv-title">Title (optional)</label>
      <input id="inv-title" name="title" />
      <MarkingSelect id="inv-marking" value={marking} onChange={setMarking} />
      {error !== undefined && <ErrorNote message={error} />}
      {made !== undefined && (
        <p className="ok" role="status">
          {made}
        </p>
      )}
      <div className="actions">
        <button type="submit">Open the investigation</button>
      </div>
    </form>
  );
}

function ImportForm({
  investigations,
  onImported,
}: {
  investigations: readonly LinkInvestigationListed[];
  onImported: () => void;
}) {
  const mappings = useApi<LinkMappingListed[]>('/links/mappings');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; rejects: readonly LinkReject[] } | undefined>(undefined);
  const [done, setDone] = useState<LinkImported | undefined>(undefined);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (file === undefined) return;
    const f = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const r = await api.postFile<LinkImported>(
        `/links/imports${qs({
          investigation: String(f.get('investigation') ?? ''),
          device: String(f.get('device') ?? ''),
          region: String(f.get('region') ?? '') || undefined,
          mapping: String(f.get('mapping') ?? '') || undefined,
          name: file.name,
        })}`,
        file,
      );
      setDone(r);
      onImported();
    } catch (err) {
      const details = err instanceof ApiError ? (err.details as ErrorAnswer['error']['details']) : undefined;
      setError({
        message: err instanceof Error ? err.message.split('\n')[0]! : String(err),
        rejects: (details?.['rejects'] as LinkReject[] | undefined) ?? [],
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor admin-form" aria-labelledby="h-import" onSubmit={(e) => void submit(e)}>
      <h2 id="h-import">Import a device's export</h2>
      <p className="hint">
        iLEAPP and ALEAPP results (JSON, TSV), Android contacts2.db and mmssms.db (SMS and MMS), Cellebrite report.xml
        and Excel (with its device sheet), Magnet AXIOM CSV or XLSX, or the OpenSTRA CSV and JSON forms. Column mappings
        are chosen by the file's headers. A file with any bad row is refused whole; the same file twice changes nothing.
      </p>
      <label htmlFor="imp-inv">Investigation</label>
      <select id="imp-inv" name="investigation" required>
        {investigations.map((i) => (
          <option key={i.id} value={String(i.id)}>
            {i.reference} ({i.marking})
          </option>
        ))}
      </select>
      <label htmlFor="imp-device">Device (exhibit reference)</label>
      <input id="imp-device" name="device" required placeholder="EXH-JB-01" />
      <label htmlFor="imp-region">Country of national numbers on this device</label>
      <input id="imp-region" name="region" defaultValue="GB" size={3} maxLength={2} pattern="[A-Za-z]{2}" />
      <label htmlFor="imp-mapping">Column mapping</label>
      <select id="imp-mapping" name="mapping">
        <option value="">Chosen by the file's headers</option>
        {(mappings.data ?? []).map((m) => (
          <option key={m.id} value={m.id}>
            {m.id} ({m.tool}, {m.artifact})
          </option>
        ))}
      </select>
      <label htmlFor="imp-file">Export file</label>
      <input id="imp-file" type="file" required onChange={(e) => setFile(e.target.files?.[0])} />
      {error !== undefined && (
        <div role="alert" className="error">
          <p>{error.message}</p>
          {error.rejects.length > 0 && (
            <ul className="rejects">
              {error.rejects.slice(0, 50).map((r, i) => (
                <li key={i}>
                  {r.source} line {r.line}, {r.field}: {r.reason}
                </li>
              ))}
              {error.rejects.length > 50 && <li>… and {error.rejects.length - 50} more</li>}
            </ul>
          )}
        </div>
      )}
      {done !== undefined && (
        <p className="ok" role="status">
          {done.already
            ? `${done.file} was already imported for this device in ${done.investigation.reference}: nothing changed.`
            : `Imported ${done.file} (${done.format}) into ${done.investigation.reference}: ${done.records.toLocaleString('en-GB')} records, ${done.identifiers.toLocaleString('en-GB')} contact and owner identifiers, ${done.events.toLocaleString('en-GB')} call and message parties, ${done.skipped} skipped.`}
          {done.unmapped.length > 0 &&
            ` Not imported (no mapping fits): ${done.unmapped.map((u) => u.source).join(', ')}.`}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy || file === undefined || investigations.length === 0}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}

/**
 * Deconfliction: whom a search that matches one of the organisation's investigations the searcher
 * may not see is told to contact (its administrators set it; none set: the deployment's default).
 */
function ContactForm({ organisations }: { organisations: readonly string[] }) {
  const contacts = useApi<DeconflictionContactListed[]>('/links/contacts');
  const [org, setOrg] = useState(organisations[0] ?? '');
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const current = contacts.data?.find((c) => c.organisationId === org);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(undefined);
    setSaved(undefined);
    try {
      const contact = String(new FormData(e.currentTarget).get('contact') ?? '');
      await api.put(`/links/contacts/${encodeURIComponent(org)}`, { contact });
      setSaved(`Saved: ${contact}`);
      contacts.reload();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <form className="editor admin-form" aria-labelledby="h-contact" onSubmit={(e) => void submit(e)}>
      <h2 id="h-contact">Deconfliction contact</h2>
      <p className="hint">
        When someone's search matches an identifier in one of your organisation's investigations they may not see, they
        are told only that another investigation holds it and whom to contact: this contact.
      </p>
      <label htmlFor="contact-org">Organisation</label>
      <select id="contact-org" value={org} onChange={(e) => setOrg(e.target.value)}>
        {organisations.map((o) => (
          <option key={o} value={o}>
            {contacts.data?.find((c) => c.organisationId === o)?.organisation ?? o}
          </option>
        ))}
      </select>
      <label htmlFor="contact-text">Contact (name or desk, and how to reach them)</label>
      <input
        id="contact-text"
        name="contact"
        required
        maxLength={300}
        key={`${org} ${current?.contact ?? ''}`}
        defaultValue={current?.contact ?? ''}
      />
      {error !== undefined && <ErrorNote message={error} />}
      {saved !== undefined && (
        <p className="ok" role="status">
          {saved}
        </p>
      )}
      <div className="actions">
        <button type="submit">Save the contact</button>
      </div>
    </form>
  );
}

/** The saved column mappings and the form that makes or edits one (those who may import). */
function MappingSection() {
  const mappings = useApi<LinkMappingListed[]>('/links/mappings');
  return <MappingForm mappings={mappings.data ?? []} onSaved={mappings.reload} />;
}
