/**
 * Users and roles for an organisation's administrators (issue 14): the users of the organisations
 * they administer, with roles by organisation name; add a user, change one (name, clearance, a
 * role, a new password, disabled), remove a role. The server decides and audits every change.
 */
import { useState } from 'react';
import { useSearch } from 'wouter';
import { api } from '../../api';
import { Await, ErrorNote } from '../../components/Status';
import { MarkingBadge } from '../../components/MarkingBadge';
import { useApi } from '../../use-api';
import { NewUserForm } from './NewUserForm';
import { UserEditor } from './UserEditor';
import { useAdminOrganisations } from './use-admin-orgs';
import type { AdministeredUser } from '../../../api/index.js';
import './admin.css';

export function UsersPage() {
  const users = useApi<AdministeredUser[]>('/users');
  const { administered, nameOf } = useAdminOrganisations();
  const welcome = new URLSearchParams(useSearch()).has('welcome');
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const done = (text: string) => {
    setMessage(text);
    setError(undefined);
    users.reload();
  };
  const remove = async (u: AdministeredUser, organisationId: string, role: string) => {
    setError(undefined);
    try {
      await api.del(
        `/users/${encodeURIComponent(u.username)}/memberships/${encodeURIComponent(organisationId)}/${role}`,
      );
      done(`${u.username} is no longer ${role} in ${nameOf(organisationId)}.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };
  const editingUser = users.data?.find((u) => u.username === editing);
  const orgsText =
    administered.length === 0
      ? 'your organisations'
      : administered.length <= 3
        ? administered.map((o) => o.name).join(', ')
        : `${administered[0]!.name} and ${administered.length - 1} other organisations you administer`;
  return (
    <main id="main">
      <h1>Users and roles</h1>
      <p className="lede">
        The people of {orgsText}: their clearance, their roles and whether they can log in. Every change here is in the
        audit trail.
      </p>
      {welcome && (
        <p className="callout" role="status">
          Set-up is done and you are its administrator. Add the analysts, approvers and readers who will use OpenSTRA.
        </p>
      )}
      {message !== undefined && (
        <p className="ok" role="status">
          {message}
        </p>
      )}
      {error !== undefined && <ErrorNote message={error} />}
      <Await loaded={users}>
        {(list) => (
          <div className="table-wrap">
            <table className="admin-users">
              <caption>
                {list.length} user{list.length === 1 ? '' : 's'} of the organisations you administer
              </caption>
              <thead>
                <tr>
                  <th scope="col">Username</th>
                  <th scope="col">Name</th>
                  <th scope="col">Clearance</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Logins</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <tr key={u.id} className={u.disabled ? 'disabled' : undefined}>
                    <th scope="row">{u.username}</th>
                    <td>{u.displayName}</td>
                    <td>
                      <MarkingBadge marking={u.clearance} />
                    </td>
                    <td>
                      <ul className="roles">
                        {u.memberships.map((m) => (
                          <li key={`${m.organisationId}:${m.role}`} className="role-chip">
                            {m.role} in {nameOf(m.organisationId)}
                            {administered.some((o) => o.id === m.organisationId) && (
                              <button
                                type="button"
                                className="secondary"
                                aria-label={`Remove ${m.role} in ${nameOf(m.organisationId)} from ${u.username}`}
                                onClick={() => void remove(u, m.organisationId, m.role)}
                              >
                                ×
                              </button>
                            )}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{u.disabled ? 'disabled' : u.hasPassword ? 'active' : 'no password yet'}</td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-expanded={editing === u.username}
                        onClick={() => setEditing(editing === u.username ? undefined : u.username)}
                      >
                        Change {u.username}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Await>
      <div className="admin-grid">
        {editingUser !== undefined && (
          <UserEditor key={editingUser.username} user={editingUser} organisations={administered} onChanged={done} />
        )}
        {administered.length > 0 && (
          <NewUserForm
            organisations={administered}
            onCreated={(u) => done(`Added ${u.username} (${u.displayName}).`)}
          />
        )}
      </div>
    </main>
  );
}
