/**
 * A choropleth: each area shaded by one figure (crimes or harm), with a legend that names the
 * figure and its unit and shows the scale, and a hatched grey for areas with no figure (a gap is
 * not zero). The boundaries are registered under `map` by the page (no network tiles).
 */
import { INK, textStyle } from './palette.js';

export interface ChoroplethValue {
  /** The feature's `name` (CSP, district) or `code` (LSOA). */
  readonly name: string;
  readonly value: number | null;
}

/** Light to dark blue: sequential, readable in grey print. */
const RAMP = ['#eef3fa', '#c6d7ee', '#8fb0dc', '#4f7fc0', '#1d4e89', '#0d2a4d'];

export function choroplethChart(
  map: string,
  values: readonly ChoroplethValue[],
  figure: string,
  options: { readonly nameProperty: 'name' | 'code'; readonly labels: boolean },
): Record<string, unknown> {
  const shown = values
    .map((v) => v.value)
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  // The scale stops at the 95th percentile (a few city-centre LSOAs would wash out the rest);
  // areas above it take the darkest shade, and the legend says "or more".
  const top = shown.length ? shown[Math.min(shown.length - 1, Math.floor(shown.length * 0.95))]! : 1;
  const capped = shown.length > 0 && top < shown[shown.length - 1]!;
  const max = Math.max(1, top);
  return {
    animation: false,
    textStyle,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number }) =>
        `${p.name}: ${Number.isFinite(p.value) ? Math.round(p.value).toLocaleString('en-GB') : 'no figure'} ${figure}`,
    },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 8,
      bottom: 8,
      text: [`${Math.round(max).toLocaleString('en-GB')}${capped ? ' or more' : ''} ${figure}`, `0 ${figure}`],
      textStyle: { ...textStyle, color: INK },
      inRange: { color: RAMP },
      outOfRange: { color: RAMP[RAMP.length - 1] },
      calculable: false,
      itemHeight: 160,
      formatter: (v: number) => Math.round(v).toLocaleString('en-GB'),
    },
    series: [
      {
        type: 'map',
        map,
        nameProperty: options.nameProperty,
        roam: true,
        aspectScale: 0.62, // cos(52°): lon/lat degrees at the latitude of England and Wales
        layoutCenter: ['55%', '50%'],
        layoutSize: '95%',
        label: { show: options.labels, fontSize: 10, color: INK, textBorderColor: '#fff', textBorderWidth: 2 },
        emphasis: { label: { show: true }, itemStyle: { areaColor: '#f5c26b' } },
        itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#d9d9d9' },
        data: values.map((v) => ({ name: v.name, value: v.value ?? NaN })),
      },
    ],
  };
}
