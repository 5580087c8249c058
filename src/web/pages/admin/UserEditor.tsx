/**
 * Changing one user: name and clearance, a role in an organisation the administrator runs, a new
 * password, and disabling or enabling their logins. Each action answers with the server's message.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../../api';
import { ErrorNote } from '../../components/Status';
import { useSession } from '../../session';
import { MARKINGS } from '../../../domain/marking.js';
import { ROLES } from '../../../domain/roles.js';
import type {
  AdministeredUser,
  Marking,
  MembershipRequest,
  Organisation,
  UserChangeRequest,
} from '../../../api/index.js';

function useAction(onDone: (message: string) => void) {
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent | undefined, fn: () => Promise<string>) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onDone(await fn());
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function UserEditor({
  user,
  organisations,
  onChanged,
}: {
  user: AdministeredUser;
  organisations: readonly Organisation[];
  onChanged: (message: string) => void;
}) {
  const { me } = useSession();
  const clearances = MARKINGS.slice(0, MARKINGS.indexOf(me?.clearance ?? 'OFFICIAL') + 1);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [clearance, setClearance] = useState<Marking>(user.clearance);
  const [organisationId, setOrganisationId] = useState(''); // '' = the first listed (the broadest)
  const [role, setRole] = useState<(typeof ROLES)[number]>('reader');
  const [password, setPassword] = useState('');
  const details = useAction(onChanged);
  const grant = useAction(onChanged);
  const reset = useAction(onChanged);
  const path = `/users/${encodeURIComponent(user.username)}`;
  return (
    <div className="editor admin-form" aria-labelledby="edit-user-h" role="region">
      <h2 id="edit-user-h">Change {user.username}</h2>
      {!user.manageable && (
        <p className="callout warn">
          {user.username} also belongs to an organisation you do not administer: only roles in your own organisations
          can be changed here.
        </p>
      )}
      <Section id="eu-details-h" title="Name and clearance">
        <form
          className="editor"
          onSubmit={(e) =>
            void details.run(e, async () => {
              await api.put(path, { displayName, clearance } satisfies UserChangeRequest);
              return `${user.username}: name and clearance saved.`;
            })
          }
        >
          <label htmlFor="eu-name">Full name</label>
          <input
            id="eu-name"
            value={displayName}
            required
            maxLength={200}
            onChange={(e) => setDisplayName(e.target.value)}
          />
          <label htmlFor="eu-clearance">Clearance</label>
          <select id="eu-clearance" value={clearance} onChange={(e) => setClearance(e.target.value as Marking)}>
            {(clearances.includes(user.clearance) ? clearances : [...clearances, user.clearance]).map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          {details.error !== undefined && <ErrorNote message={details.error} />}
          <div className="actions">
            <button type="submit" disabled={details.busy || !user.manageable}>
              Save name and clearance
            </button>
            <button
              type="button"
              className="secondary"
              disabled={details.busy || !user.manageable}
              onClick={() =>
                void details.run(undefined, async () => {
                  await api.put(path, { disabled: !user.disabled } satisfies UserChangeRequest);
                  return user.disabled
                    ? `${user.username} can log in again.`
                    : `${user.username} is disabled: their sessions have ended and they cannot log in.`;
                })
              }
            >
              {user.disabled ? 'Enable logins' : 'Disable user'}
            </button>
          </div>
        </form>
      </Section>
      <Section id="eu-role-h" title="Give a role">
        <form
          className="editor"
          onSubmit={(e) =>
            void grant.run(e, async () => {
              const org = organisationId || (organisations[0]?.id ?? '');
              await api.post(`${path}/memberships`, { organisationId: org, role } satisfies MembershipRequest);
              return `${user.username} is now ${role} in ${organisations.find((o) => o.id === org)?.name ?? org}.`;
            })
          }
        >
          <label htmlFor="eu-org">Organisation</label>
          <select
            id="eu-org"
            value={organisationId || (organisations[0]?.id ?? '')}
            onChange={(e) => setOrganisationId(e.target.value)}
          >
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          <label htmlFor="eu-role">Role</label>
          <select id="eu-role" value={role} onChange={(e) => setRole(e.target.value as (typeof ROLES)[number])}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
          {grant.error !== undefined && <ErrorNote message={grant.error} />}
          <div className="actions">
            <button type="submit" disabled={grant.busy}>
              Give role
            </button>
          </div>
        </form>
      </Section>
      <Section id="eu-password-h" title="Reset password">
        <form
          className="editor"
          onSubmit={(e) =>
            void reset.run(e, async () => {
              await api.post(`${path}/password`, { password });
              setPassword('');
              return `${user.username} has a new password: give it to them in person or by a trusted route.`;
            })
          }
        >
          <label htmlFor="eu-password">New password (at least 10 characters)</label>
          <input
            id="eu-password"
            type="password"
            autoComplete="new-password"
            value={password}
            required
            onChange={(e) => setPassword(e.target.value)}
          />
          {reset.error !== undefined && <ErrorNote message={reset.error} />}
          <div className="actions">
            <button type="submit" disabled={reset.busy || !user.manageable}>
              Set new password
            </button>
          </div>
        </form>
      </Section>
    </div>
  );
}
