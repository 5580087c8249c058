/**
 * Colours and type for every chart, on screen and in the document. Chosen for contrast on white
 * (each at least 4.5:1 for text-sized marks, WCAG 2.2 AA) and to stay distinguishable in grey print.
 */
export const INK = '#1b1b1b';
export const MUTED = '#595959';
export const GRID = '#d9d9d9';
export const SERIES = ['#1d4e89', '#b5470b', '#2e7d32', '#6a1b9a', '#8a6d00', '#00695c', '#ad1457', '#37474f'] as const;
export const LAST_YEAR = '#8c8c8c';
export const ALERT = '#b00020';
export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export const textStyle = { fontFamily: FONT, color: INK, fontSize: 12 } as const;
