/** The drivers used "meta" (all together: groups and cross-cutting themes) and "configured" (for a topic: primary and secondary drivers). */
import { Link } from 'wouter';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { GROUP_LABELS } from './labels';
import type { DriverConfiguration, DriverMetaView, DriverSummary } from '../../../../api/index.js';

const DriverLink = ({ d }: { d: DriverSummary }) => (
  <Link href={`/registers/drivers/${d.id}`}>
    {d.number}. {d.name}
  </Link>
);

export function DriverGroups({ meta }: { meta: DriverMetaView }) {
  return (
    <div className="driver-groups">
      {meta.groups.map((g) => (
        <section key={g.key ?? 'none'} aria-labelledby={`g-${g.key ?? 'none'}`}>
          <h3 id={`g-${g.key ?? 'none'}`}>{g.label}</h3>
          <ul>
            {g.drivers.map((d) => (
              <li key={d.id}>
                <DriverLink d={d} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function ThemesTable({ meta }: { meta: DriverMetaView }) {
  if (meta.themes.length === 0) return <p className="empty">No driver is tagged with a theme yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          Themes and the drivers that share them (two or more make a theme cross-cutting), most shared first
        </caption>
        <thead>
          <tr>
            <th scope="col">Theme</th>
            <th scope="col" className="num">
              Drivers
            </th>
            <th scope="col">Which</th>
            <th scope="col">Groups</th>
            <th scope="col">Cross-cutting</th>
          </tr>
        </thead>
        <tbody>
          {meta.themes.map((t) => (
            <tr key={t.theme}>
              <th scope="row">{t.theme}</th>
              <td className="num">{t.drivers.length}</td>
              <td>
                {t.drivers.map((d, i) => (
                  <span key={d.id}>
                    {i > 0 && ', '}
                    <Link href={`/registers/drivers/${d.id}`} title={d.name}>
                      {d.number}
                    </Link>
                  </span>
                ))}
              </td>
              <td>{t.groups.map((g) => GROUP_LABELS[g].replace(' Challenges', '')).join(', ')}</td>
              <td>{t.crossCutting ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Configurations({ configurations }: { configurations: readonly DriverConfiguration[] }) {
  if (configurations.length === 0) return <p className="empty">No topic has a configuration of drivers yet.</p>;
  return (
    <>
      {configurations.map((c) => (
        <section key={c.id} className="panel" aria-labelledby={`cfg-${c.id}`}>
          <h3 id={`cfg-${c.id}`}>
            {c.topic} <MarkingBadge marking={c.marking} />
          </h3>
          {c.note !== null && <p>{c.note}</p>}
          <div className="config-columns">
            <div>
              <h4>Primary drivers</h4>
              <ul>
                {c.primary.map((d) => (
                  <li key={d.id}>
                    <DriverLink d={d} />{' '}
                    <span className="method">
                      (impact {d.impact}, uncertainty {d.uncertainty})
                    </span>
                  </li>
                ))}
              </ul>
            </div>
            <div>
              <h4>Secondary drivers</h4>
              {c.secondary.length === 0 ? (
                <p className="empty">None.</p>
              ) : (
                <ul>
                  {c.secondary.map((d) => (
                    <li key={d.id}>
                      <DriverLink d={d} />{' '}
                      <span className="method">
                        (impact {d.impact}, uncertainty {d.uncertainty})
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </section>
      ))}
    </>
  );
}
