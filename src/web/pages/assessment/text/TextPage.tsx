/**
 * The document's written text, part by part (issue 14): every part that takes an analyst's words,
 * in document order, with the texts you may see (a part holds one text per marking, issue 13),
 * each with its marking and version; choose one to edit it beside its preview, or write the part's
 * text at another marking. The document is built from these texts: per part, the highest-marked
 * text the build's clearance allows.
 */
import { useState } from 'react';
import { useParams, useSearch } from 'wouter';
import { Await } from '../../../components/Status';
import { MarkingBadge } from '../../../components/MarkingBadge';
import { useSession } from '../../../session';
import { useApi } from '../../../use-api';
import { mayEditIn } from '../can-edit';
import { TextEditor } from './TextEditor';
import type { Assessment, Marking, TextPartsAnswer } from '../../../../api/index.js';

/** The text being edited: a part and the marking of one of its texts, or 'new' for a text at another marking. */
interface Chosen {
  readonly part: string;
  readonly marking: Marking | 'new' | undefined;
  /** Changes when the user picks a text, so the editor starts again (a save keeps it). */
  readonly pick: number;
}

export function TextPage() {
  const { id } = useParams<{ id: string }>();
  const search = useSearch();
  const { me } = useSession();
  const [chosen, setChosen] = useState<Chosen>({
    part: new URLSearchParams(search).get('part') ?? 'introduction',
    marking: undefined,
    pick: 0,
  });
  const choose = (part: string, marking: Marking | 'new' | undefined) =>
    setChosen((c) => ({ part, marking, pick: c.pick + 1 }));
  const assessment = useApi<Assessment>(`/assessments/${id}`);
  const parts = useApi<TextPartsAnswer>(`/assessments/${id}/texts`);
  return (
    <main id="main">
      <h1>Document text</h1>
      <p>
        The words of each part of the Strategic Assessment, written here in Markdown and kept in the store: marked,
        versioned and audited. A part may have one text at each marking: a document built for a clearance prints the
        highest-marked text it may show.
      </p>
      <Await loaded={assessment}>
        {(a) => (
          <Await loaded={parts}>
            {(p) => {
              const entry = p.parts.find((x) => x.part === chosen.part) ?? p.parts[0]!;
              const mayEdit = mayEditIn(me, a.organisationId);
              // The text edited: the one chosen, else the one a document at your clearance prints.
              const text =
                chosen.marking === 'new' ? null : (entry.texts.find((t) => t.marking === chosen.marking) ?? entry.text);
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
                            onClick={() => choose(x.part, undefined)}
                          >
                            {x.part.replace(/-/g, ' ')}
                          </button>{' '}
                          {x.texts.length === 0 ? (
                            <span className="hint">no text</span>
                          ) : (
                            x.texts.map((t) => (
                              <span key={t.marking}>
                                <MarkingBadge marking={t.marking} /> <span className="hint">v{t.version}</span>{' '}
                              </span>
                            ))
                          )}
                        </li>
                      ))}
                    </ol>
                  </nav>
                  <div>
                    {(entry.texts.length > 1 || (mayEdit && entry.texts.length > 0)) && (
                      <div className="text-versions" role="group" aria-label="Texts of this part">
                        {entry.texts.map((t) => (
                          <button
                            key={t.marking}
                            type="button"
                            className="secondary"
                            aria-pressed={text?.marking === t.marking}
                            onClick={() => choose(entry.part, t.marking)}
                          >
                            {t.marking} text, version {t.version}
                          </button>
                        ))}
                        {mayEdit && (
                          <button
                            type="button"
                            className="secondary"
                            aria-pressed={text === null}
                            onClick={() => choose(entry.part, 'new')}
                          >
                            Write it at another marking
                          </button>
                        )}
                      </div>
                    )}
                    <TextEditor
                      key={`${entry.part} ${chosen.pick}`}
                      assessmentId={a.id}
                      entry={entry}
                      text={text}
                      assessmentMarking={a.marking}
                      mayEdit={mayEdit}
                      onSaved={(t) => {
                        setChosen((c) => ({ ...c, marking: t.marking }));
                        parts.reload();
                      }}
                    />
                  </div>
                </div>
              );
            }}
          </Await>
        )}
      </Await>
    </main>
  );
}
