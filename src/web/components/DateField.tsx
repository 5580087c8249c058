/**
 * Issue 14: one date field for every form. A text box read as day/month/year (see uk-date.ts),
 * the date it understood written in words beside it ("Sunday 9 April 2017") or why it is not a
 * date, tied to the box by aria-describedby. The form gets ISO ("2017-04-09") through `onChange`
 * (or, for a form read with FormData, a hidden input called `name`). While the text is not a
 * date the box is invalid (setCustomValidity), so the form cannot be sent with it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { DATE_EXAMPLE, parseUkDate, ukDateText } from '../uk-date';

export function DateField({
  label,
  value,
  defaultValue,
  onChange,
  name,
  required = false,
  className = 'form-field',
}: {
  label: string;
  /** ISO date, or '' for none (a controlled field). */
  value?: string;
  /** ISO date to start from (an uncontrolled field, read through `name`). */
  defaultValue?: string;
  onChange?: (iso: string) => void;
  /** The name of a hidden input carrying the ISO date, for forms read with FormData. */
  name?: string;
  required?: boolean;
  className?: string;
}) {
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => ukDateText(value ?? defaultValue ?? ''));
  const [touched, setTouched] = useState(false);
  const parsed = parseUkDate(text);
  const iso = parsed.kind === 'date' ? parsed.iso : '';

  // The form set the date itself (cleared after saving, a conflict brought another one in): React's
  // "adjusting state when a prop changes", not an effect.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (value !== undefined && value !== iso && !(value === '' && parsed.kind === 'error')) {
      setText(ukDateText(value));
      setTouched(false);
    }
  }

  const error = parsed.kind === 'error' ? parsed.message : required && parsed.kind === 'empty' ? 'Enter a date' : '';
  useEffect(() => box.current?.setCustomValidity(error === '' ? '' : `${error}.`), [error]);

  const showError = error !== '' && touched;
  return (
    <div className={`${className} date-field`}>
      <label htmlFor={`${id}-box`}>{label}</label>
      <input
        ref={box}
        id={`${id}-box`}
        type="text"
        inputMode="text"
        autoComplete="off"
        size={16}
        value={text}
        required={required}
        aria-invalid={showError ? true : undefined}
        aria-describedby={`${id}-said`}
        placeholder="dd/mm/yyyy"
        onChange={(e) => {
          setText(e.target.value);
          const next = parseUkDate(e.target.value);
          onChange?.(next.kind === 'date' ? next.iso : '');
        }}
        onBlur={() => setTouched(true)}
        onInvalid={() => setTouched(true)}
      />
      {name !== undefined && <input type="hidden" name={name} value={iso} />}
      <span id={`${id}-said`} className={showError ? 'date-said error' : 'date-said'} aria-live="polite">
        {parsed.kind === 'date' ? parsed.words : showError ? error : DATE_EXAMPLE}
      </span>
    </div>
  );
}
