/** Adding a user: username, name, clearance (up to the administrator's own), a first password and a role. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ErrorNote } from '../../components/Status';
import { useSession } from '../../session';
import { MARKINGS } from '../../../domain/marking.js';
import { ROLES } from '../../../domain/roles.js';
import type { AdministeredUser, Marking, NewUserRequest, Organisation } from '../../../api/index.js';

export function NewUserForm({
  organisations,
  onCreated,
}: {
  organisations: readonly Organisation[];
  onCreated: (u: AdministeredUser) => void;
}) {
  const { me } = useSession();
  const clearances = MARKINGS.slice(0, MARKINGS.indexOf(me?.clearance ?? 'OFFICIAL') + 1);
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [clearance, setClearance] = useState<Marking>('OFFICIAL');
  const [password, setPassword] = useState('');
  const [organisationId, setOrganisationId] = useState(''); // '' = the first listed (the broadest)
  const [role, setRole] = useState<(typeof ROLES)[number]>('analyst');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const u = await api.post<AdministeredUser>('/users', {
        username: username.trim(),
        displayName,
        clearance,
        password,
        memberships: [{ organisationId: organisationId || (organisations[0]?.id ?? ''), role }],
      } satisfies NewUserRequest);
      setUsername('');
      setDisplayName('');
      setPassword('');
      onCreated(u);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="editor admin-form" onSubmit={(e) => void send(e)} aria-labelledby="new-user-h">
      <h2 id="new-user-h">Add a user</h2>
      <label htmlFor="nu-username">Username</label>
      <input id="nu-username" value={username} required maxLength={100} onChange={(e) => setUsername(e.target.value)} />
      <label htmlFor="nu-name">Full name</label>
      <input
        id="nu-name"
        value={displayName}
        required
        maxLength={200}
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <label htmlFor="nu-clearance">Clearance</label>
      <select id="nu-clearance" value={clearance} onChange={(e) => setClearance(e.target.value as Marking)}>
        {clearances.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
      <label htmlFor="nu-org">Organisation</label>
      <select
        id="nu-org"
        value={organisationId || (organisations[0]?.id ?? '')}
        onChange={(e) => setOrganisationId(e.target.value)}
      >
        {organisations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <label htmlFor="nu-role">Role</label>
      <select id="nu-role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
        {ROLES.map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <label htmlFor="nu-password">First password (at least 10 characters; tell them to change it)</label>
      <input
        id="nu-password"
        type="password"
        autoComplete="new-password"
        value={password}
        required
        onChange={(e) => setPassword(e.target.value)}
      />
      {error !== undefined && <ErrorNote message={error} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add user
        </button>
      </div>
    </form>
  );
}
