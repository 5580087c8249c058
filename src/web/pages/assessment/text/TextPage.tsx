/**
 * The document's written text, part by part (issue 14): every part that takes an analyst's words,
 * in document order, with whether it has text you may see, its marking and version; choose one to
 * edit it beside its preview. The document is built from these texts (the build's clearance
 * withholds any marked above it).
 */
import { useState } from 'react';
import { useParams, useSearch } from 'wouter';
import { Await } from '../../../components/Status';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { useSession } from '../../../session';
import { useApi } from '../../../use-api';
import { mayEditIn } from '../can-edit';
import { TextEditor } from './TextEditor';
import type { Assessment, TextPartsAnswer } from '../../../../api/index.js';

export function TextPage() {
  const { id } = useParams<{ id: string }>();
  const search = useSearch();
  const { me } = useSession();
  const [chosen, setChosen] = useState<string>(new URLSearchParams(search).get('part') ?? 'introduction');
  const assessment = useApi<Assessment>(`/assessments/${id}`);
  const parts = useApi<TextPartsAnswer>(`/assessments/${id}/texts`);
  return (
    <main id="main">
      <h1>Document text</h1>
      <p>
        The words of each part of the Strategic Assessment, written here in Markdown and kept in the store: marked,
        versioned and audited. A document built for a clearance leaves out any text marked above it.
      </p>
      <Await loaded={assessment}>
        {(a) => (
          <Await loaded={parts}>
            {(p) => {
              const entry = p.parts.find((x) => x.part === chosen) ?? p.parts[0]!;
              return (
                <div className="text-layout">
                  <nav aria-label="Parts of the document" className="text-parts">
                    <ol>
                      {p.parts.map((x) => (
                        <li key={x.part}>
                          <button
                            type="button"
                            className="link"
                            aria-current={x.part === entry.part ? 'true' : undefined}
                            onClick={() => setChosen(x.part)}
                          >
                            {x.part.replace(/-/g, ' ')}
                          </button>{' '}
                          {x.text === null ? (
                            <span className="hint">no text</span>
                          ) : (
                            <>
                              <MarkingBadge marking={x.text.marking} /> <span className="hint">v{x.text.version}</span>
                            </>
                          )}
                        </li>
                      ))}
                    </ol>
                  </nav>
                  <TextEditor
                    key={entry.part}
                    assessmentId={a.id}
                    entry={entry}
                    assessmentMarking={a.marking}
                    mayEdit={mayEditIn(me, a.organisationId)}
                    onSaved={() => parts.reload()}
                  />
                </div>
              );
            }}
          </Await>
        )}
      </Await>
    </main>
  );
}
