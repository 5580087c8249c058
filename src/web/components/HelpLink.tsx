/** One click from a figure to the glossary entry that explains it (the help page, at that entry). */
import { Link } from 'wouter';
import { GLOSSARY, type GlossaryId } from '../pages/help/glossary';

export function HelpLink({ id }: { id: GlossaryId }) {
  return (
    <Link href={`/help#${id}`} className="help-link">
      Method: {GLOSSARY[id].title.replace(/:.*$/, '')}
    </Link>
  );
}
