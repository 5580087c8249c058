/**
 * The protective marking on every printed page (issue 14): printed in the page's top and bottom
 * margin boxes (CSS @page @top-center / @bottom-center, so it never covers content). It says the highest
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

const COLOUR: Record<Marking, string> = {
  OFFICIAL: '#000',
  'OFFICIAL-SENSITIVE': '#8a3b00',
  SECRET: '#b00020',
};

/** The @page margin boxes that print `marking` at the top and foot of every page. */
export function printMarkingCss(marking: Marking): string {
  const box = `content: "${marking}"; font: 700 10pt system-ui, sans-serif; letter-spacing: 0.08em; color: ${COLOUR[marking]};`;
  return `@media print { @page { margin: 16mm 12mm; @top-center { ${box} } @bottom-center { ${box} } } }`;
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
  return <style data-print-marking={marking}>{printMarkingCss(marking)}</style>;
}
