// A KPI's figures as an SVG chart drawn here, from the observations the API gives (no arithmetic on them beyond
// placing them): actuals joined by a line, baselines as squares, targets as diamonds, cumulative targets over a
// range as a bar across their years, each mark coloured by the document it comes from.
import { documentName, fiscalYearShort, t } from './format.js';
import { s } from './dom.js';

const WIDTH = 760;
const HEIGHT = 300;
const MARGIN = { top: 20, right: 24, bottom: 44, left: 64 };

export function kpiChart(kpi, titleId) {
  const figures = kpi.observations.filter((o) => o.value !== null && o.fiscalYear !== null);
  const documents = [...new Set(kpi.observations.map((o) => o.source.sourceId))];
  const years = figures.flatMap((o) => [o.fiscalYear, o.fiscalYearTo ?? o.fiscalYear]);
  const values = figures.map((o) => o.value);
  const svg = s('svg', {
    class: 'chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': titleId,
    'data-points': figures.length,
  });
  if (!figures.length) {
    return svg;
  }
  const firstYear = Math.min(...years) - 1;
  const lastYear = Math.max(...years) + 1;
  let low = Math.min(0, ...values);
  let high = Math.max(...values);
  if (high === low) {
    high = low + 1;
  }
  high += (high - low) * 0.1;
  const x = (year) => MARGIN.left + ((year - firstYear) / (lastYear - firstYear)) * (WIDTH - MARGIN.left - MARGIN.right);
  const y = (value) => HEIGHT - MARGIN.bottom - ((value - low) / (high - low)) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const colour = (sourceId) => `doc-${Math.max(0, documents.indexOf(sourceId)) % 4}`;

  const axis = s('g', { class: 'axis' });
  for (let year = firstYear + 1; year < lastYear; year++) {
    axis.append(s('line', { x1: x(year), x2: x(year), y1: MARGIN.top, y2: HEIGHT - MARGIN.bottom, class: 'grid' }));
    axis.append(s('text', { x: x(year), y: HEIGHT - MARGIN.bottom + 16, 'text-anchor': 'middle' }, fiscalYearShort(year)));
    axis.append(s('text', { x: x(year), y: HEIGHT - MARGIN.bottom + 30, 'text-anchor': 'middle', class: 'western' }, String(year)));
  }
  for (let step = 0; step <= 4; step++) {
    const value = low + ((high - low) * step) / 4;
    axis.append(s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(value), y2: y(value), class: 'grid' }));
    axis.append(s('text', { x: MARGIN.left - 6, y: y(value) + 4, 'text-anchor': 'end' },
      Number(value.toPrecision(3)).toLocaleString('ja-JP')));
  }
  axis.append(s('text', { x: 8, y: MARGIN.top - 6, class: 'unit' }, kpi.unit ?? ''));
  svg.append(axis);

  const actuals = figures.filter((o) => o.kind === 'ACTUAL' && !o.fiscalYearTo).sort((a, b) => a.fiscalYear - b.fiscalYear);
  if (actuals.length > 1) {
    svg.append(s('polyline', { class: 'actual-line', points: actuals.map((o) => `${x(o.fiscalYear)},${y(o.value)}`).join(' ') }));
  }
  for (const o of figures) {
    const label = `${t(o.kind)} ${o.periodText ?? o.fiscalYear}: ${o.valueText ?? o.value} (${documentName(o.source.sourceId)})`;
    const common = { class: `mark ${o.kind.toLowerCase()} ${colour(o.source.sourceId)}`, 'data-kind': o.kind, 'data-fy': o.fiscalYear, 'data-value': o.value };
    let mark;
    if (o.fiscalYearTo && o.fiscalYearTo !== o.fiscalYear) {
      mark = s('rect', { ...common, class: `${common.class} range`, x: x(o.fiscalYear) - 6, width: x(o.fiscalYearTo) - x(o.fiscalYear) + 12,
        y: y(o.value) - 5, height: 10, 'data-fy-to': o.fiscalYearTo });
    } else if (o.kind === 'ACTUAL') {
      mark = s('circle', { ...common, cx: x(o.fiscalYear), cy: y(o.value), r: 5 });
    } else if (o.kind === 'BASELINE') {
      mark = s('rect', { ...common, x: x(o.fiscalYear) - 5, y: y(o.value) - 5, width: 10, height: 10 });
    } else {
      const cx = x(o.fiscalYear);
      const cy = y(o.value);
      mark = s('polygon', { ...common, points: `${cx},${cy - 7} ${cx + 7},${cy} ${cx},${cy + 7} ${cx - 7},${cy}` });
    }
    mark.append(s('title', null, label));
    svg.append(mark);
  }
  return svg;
}

/** The legend beside the chart: mark shapes and document colours. */
export function chartLegend(kpi) {
  const documents = [...new Set(kpi.observations.map((o) => o.source.sourceId))];
  const legend = s('svg', { class: 'legend', viewBox: `0 0 ${WIDTH} ${24 + 20 * documents.length}`, role: 'img', 'aria-label': t('legend') });
  const shapes = [
    [t('BASELINE'), s('rect', { x: 4, y: 6, width: 10, height: 10, class: 'mark baseline' })],
    [t('TARGET'), s('polygon', { points: '9,3 16,10 9,17 2,10', class: 'mark target' })],
    [t('ACTUAL'), s('circle', { cx: 9, cy: 11, r: 5, class: 'mark actual' })],
    [t('range'), s('rect', { x: 0, y: 6, width: 18, height: 10, class: 'mark target range' })],
  ];
  shapes.forEach(([label, shape], index) => {
    legend.append(s('g', { transform: `translate(${index * 180},0)` }, shape, s('text', { x: 24, y: 15 }, label)));
  });
  documents.forEach((sourceId, index) => {
    legend.append(s('g', { transform: `translate(0,${24 + index * 20})` },
      s('rect', { x: 4, y: 4, width: 10, height: 10, class: `swatch doc-${index % 4}` }),
      s('text', { x: 24, y: 13 }, documentName(sourceId))));
  });
  return legend;
}

/**
 * A trace drawn as columns of boxes joined along each path, e.g. indicator → programs → measures → pillars. Each
 * path is a list of {key, label, href} steps, one per column.
 */
export function traceDiagram(columns, paths, titleId) {
  const boxWidth = 200;
  const gap = 56;
  const rowHeight = 44;
  const nodes = columns.map(() => new Map());
  for (const path of paths) {
    path.forEach((step, column) => {
      if (!nodes[column].has(step.key)) {
        nodes[column].set(step.key, { ...step, row: nodes[column].size });
      }
    });
  }
  const rows = Math.max(1, ...nodes.map((column) => column.size));
  const width = columns.length * boxWidth + (columns.length - 1) * gap + 8;
  const height = 30 + rows * rowHeight;
  const svg = s('svg', { class: 'trace', viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-labelledby': titleId });
  const left = (column) => 4 + column * (boxWidth + gap);
  const middle = (node) => 30 + node.row * rowHeight + 16;
  columns.forEach((title, column) => svg.append(s('text', { x: left(column), y: 16, class: 'column' }, title)));
  const drawn = new Set();
  for (const path of paths) {
    for (let column = 0; column + 1 < path.length; column++) {
      const from = nodes[column].get(path[column].key);
      const to = nodes[column + 1].get(path[column + 1].key);
      const key = `${column}:${from.key}>${to.key}`;
      if (drawn.has(key)) {
        continue;
      }
      drawn.add(key);
      const x1 = left(column) + boxWidth;
      const x2 = left(column + 1);
      svg.append(s('path', { class: 'edge', d: `M${x1},${middle(from)} C${x1 + gap / 2},${middle(from)} ${x2 - gap / 2},${middle(to)} ${x2},${middle(to)}` }));
    }
  }
  nodes.forEach((column, index) => {
    for (const node of column.values()) {
      const box = s('g', { class: `node node-${index}`, 'data-id': node.key },
        s('rect', { x: left(index), y: middle(node) - 16, width: boxWidth, height: 32, rx: 4 }),
        s('text', { x: left(index) + 8, y: middle(node) + 5 }, node.label.length > 15 ? `${node.label.slice(0, 14)}…` : node.label),
        s('title', null, node.label));
      svg.append(node.href ? s('a', { href: node.href }, box) : box);
    }
  });
  return svg;
}
