/** The glossary and method notes: every measure a figure shows, its unit and how it is computed. */
import { useEffect } from 'react';
import { GLOSSARY, GLOSSARY_IDS, type GlossaryEntry } from './glossary';

export function HelpPage() {
  useEffect(() => {
    // Arriving from a figure's link: show that entry.
    const id = window.location.hash.slice(1);
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);
  return (
    <main id="main">
      <h1>Glossary and method notes</h1>
      <p className="lede">What each figure means, its unit, and how OpenSTRA computes it.</p>
      <nav aria-label="Entries">
        <ul className="glossary-index">
          {GLOSSARY_IDS.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>{GLOSSARY[id].title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="glossary">
        {GLOSSARY_IDS.map((id) => {
          const e: GlossaryEntry = GLOSSARY[id];
          return (
            <section key={id} id={id} className="glossary-entry" tabIndex={-1} aria-labelledby={`h-${id}`}>
              <h2 id={`h-${id}`}>{e.title}</h2>
              <div>
                <p>{e.meaning}</p>
                {e.unit !== undefined && (
                  <p>
                    <strong>Unit:</strong> {e.unit}
                  </p>
                )}
                <p>
                  <strong>Method:</strong> {e.method}
                </p>
              </div>
            </section>
          );
        })}
      </div>
    </main>
  );
}
