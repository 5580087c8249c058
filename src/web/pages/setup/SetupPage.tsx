/**
 * The first run (issue 14): a workspace with no users is set up in the browser. The organisation
 * is chosen from the shipped area table (a force, with all its community safety partnerships and
 * districts at once; one CSP; or a force's OPCC), then the first administrator and their password.
 * The server names any bad field; on success the administrator is logged in and goes on to add
 * users.
 */
import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../../api';
import { ErrorNote } from '../../components/Status';
import { useSession } from '../../session';
import { MARKINGS } from '../../../domain/marking.js';
import type { Marking, SetupDone, SetupOptions, SetupRequest } from '../../../api/index.js';
import '../admin/admin.css';

type Kind = 'force' | 'csp' | 'opcc';
const KINDS: readonly [Kind, string][] = [
  ['force', 'A police force (with all its community safety partnerships)'],
  ['csp', 'A community safety partnership'],
  ['opcc', 'An Office of the Police and Crime Commissioner'],
];
const count = (n: number) => n.toLocaleString('en-GB');

export function SetupPage({ options }: { options: SetupOptions }) {
  const { refresh } = useSession();
  const [, navigate] = useLocation();
  const [kind, setKind] = useState<Kind>('force');
  const [force, setForce] = useState('');
  const [csp, setCsp] = useState('');
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [clearance, setClearance] = useState<Marking>('OFFICIAL-SENSITIVE');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const chosen = options.forces.find((f) => f.slug === force);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    if (password !== again) {
      setError('The two passwords differ: type the same password twice.');
      return;
    }
    setBusy(true);
    try {
      const organisation: SetupRequest['organisation'] = kind === 'csp' ? { kind, force, csp } : { kind, force };
      await api.post<SetupDone>('/setup', {
        organisation,
        admin: { username: username.trim(), displayName, clearance, password },
        ...(options.tokenRequired ? { setupToken: token.trim() } : {}),
      } satisfies SetupRequest);
      navigate('/admin/users?welcome=1');
      await refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <main id="main" className="setup">
      <h1>Set up OpenSTRA</h1>
      <p className="lede">
        This workspace has no users yet. Choose the organisation it is for and its first administrator; you can then add
        users and roles.
      </p>
      <form className="editor" onSubmit={(e) => void send(e)} aria-labelledby="setup-org-h">
        {options.tokenRequired && (
          <fieldset>
            <legend>Set-up token</legend>
            <p className="method">
              This server can be reached from other machines, so only whoever started it can set it up: copy the set-up
              token that <code>stra serve</code> printed when it started.
            </p>
            <label htmlFor="setup-token">Set-up token</label>
            <input
              id="setup-token"
              value={token}
              required
              autoComplete="off"
              spellCheck={false}
              maxLength={100}
              onChange={(e) => setToken(e.target.value)}
            />
          </fieldset>
        )}
        <fieldset>
          <legend id="setup-org-h">Organisation</legend>
          <label htmlFor="setup-kind">Kind of organisation</label>
          <select id="setup-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {KINDS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
          <label htmlFor="setup-force">{kind === 'force' ? 'Force' : 'Force area'}</label>
          <select
            id="setup-force"
            value={force}
            required
            onChange={(e) => {
              setForce(e.target.value);
              setCsp('');
            }}
          >
            <option value="">Choose one of {options.forces.length} forces…</option>
            {options.forces.map((f) => (
              <option key={f.slug} value={f.slug}>
                {f.name}
              </option>
            ))}
          </select>
          {kind === 'csp' && (
            <>
              <label htmlFor="setup-csp">Community safety partnership</label>
              <select id="setup-csp" value={csp} required onChange={(e) => setCsp(e.target.value)}>
                <option value="">{chosen === undefined ? 'Choose the force first' : 'Choose…'}</option>
                {(chosen?.csps ?? []).map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </>
          )}
          {chosen !== undefined && kind === 'force' && (
            <div className="setup-areas" role="status">
              <p>
                {chosen.name} comes with its {chosen.csps.length} community safety partnerships,{' '}
                {count(chosen.districts)} districts and {count(chosen.lsoas)} LSOAs from the national area table.
              </p>
              <details>
                <summary>Its partnerships and districts</summary>
                <ul>
                  {chosen.csps.map((c) => (
                    <li key={c.id}>
                      {c.name}: {c.districts.join(', ')}
                    </li>
                  ))}
                </ul>
              </details>
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>First administrator</legend>
          <label htmlFor="setup-username">Username</label>
          <input
            id="setup-username"
            autoComplete="username"
            value={username}
            required
            maxLength={100}
            onChange={(e) => setUsername(e.target.value)}
          />
          <label htmlFor="setup-name">Full name</label>
          <input
            id="setup-name"
            autoComplete="name"
            value={displayName}
            required
            maxLength={200}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          <label htmlFor="setup-clearance">Clearance (they can grant clearances up to this one)</label>
          <select id="setup-clearance" value={clearance} onChange={(e) => setClearance(e.target.value as Marking)}>
            {MARKINGS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          <label htmlFor="setup-password">Password (at least 10 characters)</label>
          <input
            id="setup-password"
            type="password"
            autoComplete="new-password"
            value={password}
            required
            onChange={(e) => setPassword(e.target.value)}
          />
          <label htmlFor="setup-again">Password again</label>
          <input
            id="setup-again"
            type="password"
            autoComplete="new-password"
            value={again}
            required
            onChange={(e) => setAgain(e.target.value)}
          />
        </fieldset>
        {error !== undefined && <ErrorNote message={error} />}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? 'Setting up…' : 'Set up'}
          </button>
        </div>
      </form>
    </main>
  );
}
