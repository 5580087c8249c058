/** The protective marking chosen on a form: only markings at or below the user's clearance are offered. */
import { MARKINGS, type Marking } from '../../domain/marking.js';
import { useSession } from '../session';

export function MarkingSelect({ value, onChange, id }: { value: Marking; onChange: (m: Marking) => void; id: string }) {
  const { me } = useSession();
  const allowed = MARKINGS.slice(0, MARKINGS.indexOf(me?.clearance ?? 'OFFICIAL') + 1);
  return (
    <>
      <label htmlFor={id}>Protective marking</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Marking)}>
        {allowed.map((m) => (
          <option key={m}>{m}</option>
        ))}
      </select>
    </>
  );
}
