/**
 * State that starts from a loaded value and starts again whenever that value changes: a record
 * page keeps the server's answer to a stale write in it, until the record is loaded afresh.
 * React's "adjusting state when a prop changes" pattern, which avoids setState in an effect.
 */
import { useState } from 'react';

export function useStateFrom<T>(source: T): [T, (value: T) => void] {
  const [state, setState] = useState(source);
  const [from, setFrom] = useState(source);
  if (from !== source) {
    setFrom(source);
    setState(source);
  }
  return [state, setState];
}
