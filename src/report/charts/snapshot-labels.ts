/**
 * Labels of the performance snapshot for print. A printed chart cannot be hovered, so every label
 * must be legible: labelled points whose shares of crime are close get their labels on alternate
 * sides (towards the middle of the plot, below, above), ECharts hides any label that would still
 * cover another (the table below the chart names every type), and the zero line carries no number.
 */
// A point without a label of its own shows the series' label (the web chart names every bubble).
type Point = { value: number[]; label?: { show?: boolean; position?: string; align?: string } };

export function spreadLabels(option: Record<string, unknown>): Record<string, unknown> {
  const series = (option.series as Array<Record<string, unknown>>).map((s) => {
    const data = (s.data as Point[] | undefined) ?? [];
    const labelled = data.filter((p) => p.label?.show ?? true).sort((a, b) => (a.value[1] ?? 0) - (b.value[1] ?? 0));
    const xs = data.map((p) => p.value[0] ?? 0);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    let run = 0;
    labelled.forEach((p, i) => {
      const close = i > 0 && Math.abs((p.value[1] ?? 0) - (labelled[i - 1]!.value[1] ?? 0)) < 3;
      run = close ? run + 1 : 0;
      // Labels run towards the middle of the plot, so none is cut off at its edge.
      const right = (p.value[0] ?? 0) > lo + 0.65 * (hi - lo);
      const side = (right ? ['left', 'top', 'bottom'] : ['right', 'bottom', 'top'])[run % 3]!;
      p.label = {
        ...p.label,
        position: side,
        ...(side === 'top' || side === 'bottom' ? { align: right ? 'right' : 'left' } : {}),
      };
    });
    return {
      ...s,
      labelLayout: { hideOverlap: true },
      ...(s.markLine ? { markLine: { ...(s.markLine as object), label: { show: false } } } : {}),
    };
  });
  return { ...option, series };
}
