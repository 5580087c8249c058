/**
 * Which assessment's drivers to show: from the address (?assessment=N), else the latest
 * assessment the user can see. The choice is kept in the address so a view can be shared.
 */
import { useId } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Assessment } from '../../../../api/index.js';

export function chosenAssessment(search: string, assessments: readonly Assessment[]): Assessment | undefined {
  const asked = Number(new URLSearchParams(search).get('assessment'));
  return (
    assessments.find((a) => a.id === asked) ??
    [...assessments].sort((a, b) => b.period.localeCompare(a.period) || b.id - a.id)[0]
  );
}

export function AssessmentChoice({
  assessments,
  chosen,
  label = 'Assessment',
}: {
  assessments: readonly Assessment[];
  chosen: Assessment;
  label?: string;
}) {
  const id = useId();
  const [location, navigate] = useLocation();
  const search = useSearch();
  const choose = (value: string) => {
    const params = new URLSearchParams(search);
    params.set('assessment', value);
    navigate(`${location}?${params.toString()}`, { replace: true });
  };
  return (
    <div className="filters">
      <label htmlFor={id}>
        {label}
        <select id={id} value={chosen.id} onChange={(e) => choose(e.target.value)}>
          {assessments.map((a) => (
            <option key={a.id} value={a.id}>
              {a.period} {a.versionLabel} ({a.status.replace('_', ' ')})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
