/** A status as words for the page: in_progress -> "in progress". */
export const statusText = (s: string): string => s.replace(/_/g, ' ');
