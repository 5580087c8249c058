import type { Marking } from '../../api/index.js';

/** A protective marking as a badge; the text itself says the marking (colour is never the only cue). */
export function MarkingBadge({ marking, label }: { marking: Marking; label?: string }) {
  return (
    <span className={`marking marking-${marking.toLowerCase()}`}>
      {label === undefined ? marking : `${label} ${marking}`}
    </span>
  );
}
