/** One finding opened: the detailed findings behind it, its dated updates, and (for analysts) the form to add one. */
import { useStateFrom } from '../../../use-state-from';
import { Await } from '../../../components/Status';
import { useApi } from '../../../use-api';
import { longDate, words } from '../shared/format';
import { FindingUpdateForm } from './FindingUpdateForm';
import type { InspectionFindingWithUpdates } from '../../../../api/index.js';

export function FindingDetail({ id, canEdit, onChanged }: { id: number; canEdit: boolean; onChanged: () => void }) {
  const loaded = useApi<InspectionFindingWithUpdates>(`/inspection-findings/${id}`);
  const [current, setCurrent] = useStateFrom<InspectionFindingWithUpdates | undefined>(loaded.data);
  return (
    <div className="rec-detail">
      <Await loaded={loaded}>
        {() => {
          const f = current ?? loaded.data!;
          return (
            <>
              {f.detail !== null && (
                <>
                  <h4>Detailed findings</h4>
                  {f.detail.split(/\n+/).map((p, i) => (
                    <p key={i} className="update-text">
                      {p}
                    </p>
                  ))}
                </>
              )}
              <h4>Progress</h4>
              {f.updates.length === 0 ? (
                <p className="empty">No updates yet.</p>
              ) : (
                <ol className="update-history">
                  {f.updates.map((u) => (
                    <li key={u.id}>
                      <p className="update-meta">
                        <time dateTime={u.dated}>{longDate(u.dated)}</time> · status after:{' '}
                        <strong>{words(u.statusAfter)}</strong> · by {u.author}
                      </p>
                      <p className="update-text">{u.text}</p>
                    </li>
                  ))}
                </ol>
              )}
              {canEdit ? (
                <FindingUpdateForm
                  key={f.id}
                  finding={f}
                  onSaved={() => {
                    loaded.reload();
                    onChanged();
                  }}
                  onConflict={(now) => {
                    setCurrent(now);
                    onChanged();
                  }}
                />
              ) : (
                <p className="method">Adding updates needs the analyst role in the organisation that was inspected.</p>
              )}
            </>
          );
        }}
      </Await>
    </div>
  );
}
