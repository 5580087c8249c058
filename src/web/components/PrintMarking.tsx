/**
 * The protective marking on every printed page (issue 14): a line at the top and the foot of the
 * page, shown only in print (the print stylesheet fixes it to each page). It says the highest
 * marking among the records the page shows (their marking badges in the main content), OFFICIAL
 * when it shows none, and is worked out again whenever the page changes and just before printing.
 */
import { useEffect, useState } from 'react';
import { MARKINGS, type Marking } from '../../domain/marking.js';

/** The highest marking of the badges inside `root` (OFFICIAL when there are none). */
export function highestShown(root: ParentNode): Marking {
  let rank = 0;
  root.querySelectorAll('main .marking').forEach((el) => {
    const m = MARKINGS.findIndex((x) => el.classList.contains(`marking-${x.toLowerCase()}`));
    if (m > rank) rank = m;
  });
  return MARKINGS[rank]!;
}

export function PrintMarking() {
  const [marking, setMarking] = useState<Marking>('OFFICIAL');
  useEffect(() => {
    const update = () => setMarking(highestShown(document));
    update();
    const observer = new MutationObserver(update);
    observer.observe(document.body, { childList: true, subtree: true });
    window.addEventListener('beforeprint', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', update);
    };
  }, []);
  const cls = `print-marking marking-${marking.toLowerCase()}`;
  return (
    <>
      <div className={`${cls} top`} aria-hidden="true" data-print-marking={marking}>
        {marking}
      </div>
      <div className={`${cls} bottom`} aria-hidden="true">
        {marking}
      </div>
    </>
  );
}
