/**
 * The frame of every page: a skip link, the header (assessment picker, who is logged in with
 * their clearance, log out) and the menu, built from the page registry and the user's roles.
 */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { hasRole, useSession } from '../session';
import { PAGES } from '../pages/registry';
import { useApi } from '../use-api';
import { MarkingBadge } from './MarkingBadge';
import { PrintMarking } from './PrintMarking';
import type { Assessment } from '../../api/index.js';

/** The assessment in the address (/assessments/:id/...), if any. */
export function currentAssessmentId(location: string): number | undefined {
  const m = /^\/assessments\/(\d+)/.exec(location);
  return m === null ? undefined : Number(m[1]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { me, logOut } = useSession();
  const [location, navigate] = useLocation();
  const assessments = useApi<Assessment[]>('/assessments');
  const current = currentAssessmentId(location);
  const link = (path: string, label: string) => {
    const href = path.replace(':id', String(current ?? ''));
    const active = location === href;
    return (
      <li key={path}>
        <Link href={href} aria-current={active ? 'page' : undefined} className={active ? 'active' : undefined}>
          {label}
        </Link>
      </li>
    );
  };
  const menu = (group: string) =>
    PAGES.filter((p) => p.group === group && p.menu !== undefined && (p.role === undefined || hasRole(me, p.role)));
  return (
    <div className="app">
      <PrintMarking />
      <a className="skip" href="#main">
        Skip to main content
      </a>
      <header className="top">
        <Link href="/" className="brand">
          OpenSTRA
        </Link>
        <label className="picker">
          <span>Assessment</span>
          <select value={current ?? ''} onChange={(e) => navigate(`/assessments/${e.target.value}`)}>
            {current === undefined && <option value="">Choose…</option>}
            {(assessments.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.period} {a.versionLabel} ({a.status.replace('_', ' ')})
              </option>
            ))}
          </select>
        </label>
        <form
          role="search"
          className="global-search"
          onSubmit={(e) => {
            e.preventDefault();
            const q = new FormData(e.currentTarget).get('q');
            navigate(`/search?q=${encodeURIComponent(String(q ?? '').trim())}`);
          }}
        >
          <label htmlFor="global-search">Search</label>
          <input id="global-search" type="search" name="q" minLength={2} maxLength={200} required />
          <button type="submit" className="secondary">
            Go<span className="sr-only"> (search everything you may see)</span>
          </button>
        </form>
        <span className="who">
          {me?.displayName} <MarkingBadge marking={me?.clearance ?? 'OFFICIAL'} label="cleared to" />
        </span>
        <button type="button" className="link" onClick={() => void logOut()}>
          Log out
        </button>
      </header>
      <nav className="side" aria-label="Main">
        <ul>{link('/assessments', 'All assessments')}</ul>
        {current !== undefined && (
          <>
            <h2>This assessment</h2>
            <ul>
              {link('/assessments/:id', 'Dashboard')}
              {menu('assessment').map((p) => link(p.path, p.menu ?? ''))}
            </ul>
          </>
        )}
        <h2>Data</h2>
        <ul>
          {link('/trends', 'Trends and harm')}
          {menu('data').map((p) => link(p.path, p.menu ?? ''))}
        </ul>
        <h2>Analysis</h2>
        <ul>{menu('analysis').map((p) => link(p.path, p.menu ?? ''))}</ul>
        {menu('registers').length > 0 && (
          <>
            <h2>Registers</h2>
            <ul>{menu('registers').map((p) => link(p.path, p.menu ?? ''))}</ul>
          </>
        )}
        {menu('admin').length > 0 && (
          <>
            <h2>Administration</h2>
            <ul>{menu('admin').map((p) => link(p.path, p.menu ?? ''))}</ul>
          </>
        )}
        <h2>Help</h2>
        <ul>{link('/help', 'Glossary and methods')}</ul>
      </nav>
      {children}
    </div>
  );
}
