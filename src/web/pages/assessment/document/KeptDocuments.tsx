/**
 * The documents built for this assessment and kept on the server (issue 14): who built each, when,
 * for which clearance and at which marking, with its files; opened again without a rebuild. Only
 * those you may open are listed (your organisation's, at or below your clearance).
 */
import { Await } from '../../../components/Status';
import { MarkingBadge } from '../../../components/MarkingBadge';
import type { Loaded } from '../../../use-api';
import { dateTime } from '../format';
import type { KeptDocumentsAnswer } from '../../../../api/index.js';

const LABELS: Record<string, string> = {
  html: 'HTML',
  pdf: 'PDF',
  docx: 'Word',
  buildLogHtml: 'build log',
  buildLogText: 'build log (text)',
  buildLogJson: 'build log (JSON)',
};

export function KeptDocuments({ kept }: { kept: Loaded<KeptDocumentsAnswer> }) {
  return (
    <section aria-labelledby="h-kept">
      <h2 id="h-kept">Documents kept</h2>
      <Await loaded={kept}>
        {(k) =>
          k.documents.length === 0 ? (
            <p>No document has been built for this assessment that you may open.</p>
          ) : (
            <table>
              <caption>Documents built for this assessment, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Built</th>
                  <th scope="col">By</th>
                  <th scope="col">For clearance</th>
                  <th scope="col">Marked</th>
                  <th scope="col">Files</th>
                </tr>
              </thead>
              <tbody>
                {k.documents.map((d) => (
                  <tr key={d.job}>
                    <td>{dateTime(d.builtAt)}</td>
                    <td>{d.builtBy}</td>
                    <td>{d.clearance}</td>
                    <td>
                      <MarkingBadge marking={d.marking} />
                      {d.omitted > 0 && <span className="hint"> ({d.omitted} left out)</span>}
                    </td>
                    <td>
                      {Object.entries(d.files).map(([kind, file], i) => (
                        <span key={kind}>
                          {i > 0 && ' · '}
                          <a
                            href={`/api/reports/${d.job}/${encodeURIComponent(file)}`}
                            target={kind === 'html' ? '_blank' : undefined}
                            rel="noreferrer"
                            aria-label={`${LABELS[kind] ?? kind} of the document built ${dateTime(d.builtAt)} by ${d.builtBy}`}
                          >
                            {LABELS[kind] ?? kind}
                          </a>
                        </span>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Await>
    </section>
  );
}
