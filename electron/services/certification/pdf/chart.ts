// Scores over time as a vector chart drawn with pdfkit: one line of points for practice, one for exams,
// on a 0-100 axis against the attempt's date. Vector, so it prints sharp and the PDF stays small.

import type { Doc } from './document';
import { FONT_REGULAR } from './fonts';
import { printedDate } from './labels';

export interface ScorePoint {
  at: string;
  /** 0-100. */
  score: number;
  series: 'practice' | 'exam';
}

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const SERIES_COLOR: Record<ScorePoint['series'], string> = { practice: '#1f77b4', exam: '#d95f02' };
const AXIS = '#5b6675';
const GRID = '#dde3ea';
const DAY_MS = 86_400_000;

/** Draws the chart in `box` (axes and labels inside it); `legend` names the two series; `empty` is said when there are no points. */
export function drawScoreChart(doc: Doc, points: readonly ScorePoint[], box: ChartBox, legend: Record<ScorePoint['series'], string>, empty: string): void {
  const left = box.x + 26;
  const right = box.x + box.width - 8;
  const top = box.y + 16;
  const bottom = box.y + box.height - 16;
  const yOf = (score: number) => bottom - (Math.max(0, Math.min(100, score)) / 100) * (bottom - top);
  doc.save();
  doc.font(FONT_REGULAR).fontSize(7).fillColor(AXIS);
  for (let s = 0; s <= 100; s += 20) {
    doc.lineWidth(0.4).strokeColor(GRID).moveTo(left, yOf(s)).lineTo(right, yOf(s)).stroke();
    doc.text(String(s), box.x, yOf(s) - 4, { width: 22, align: 'right', lineBreak: false });
  }
  doc.lineWidth(0.8).strokeColor(AXIS).moveTo(left, top).lineTo(left, bottom).lineTo(right, bottom).stroke();
  // Legend, top right.
  let lx = right;
  for (const series of ['exam', 'practice'] as const) {
    const w = doc.widthOfString(legend[series]);
    lx -= w;
    doc.fillColor(AXIS).text(legend[series], lx, box.y + 2, { lineBreak: false });
    lx -= 12;
    marker(doc, series, lx + 4, box.y + 6);
    lx -= 10;
  }
  if (points.length === 0) {
    doc.fontSize(9).fillColor(AXIS).text(empty, left, (top + bottom) / 2 - 5, { width: right - left, align: 'center' });
    doc.restore();
    return;
  }
  const times = points.map((p) => Date.parse(p.at));
  // At least a day of span, so a single day's attempts spread out instead of stacking at one x.
  const t0 = Math.min(...times);
  const t1 = Math.max(t0 + DAY_MS, Math.max(...times));
  const xOf = (t: number) => left + 8 + ((t - t0) / (t1 - t0)) * (right - left - 16);
  // Dates at both ends, and the middle one where the span is long enough for it to differ from them.
  for (const t of t1 - t0 >= 4 * DAY_MS ? [t0, (t0 + t1) / 2, t1] : [t0, t1]) {
    doc.fontSize(7).fillColor(AXIS).text(printedDate(new Date(t).toISOString()), xOf(t) - 30, bottom + 4, { width: 60, align: 'center', lineBreak: false });
  }
  for (const series of ['practice', 'exam'] as const) {
    const own = points.map((p, i) => ({ p, t: times[i]! })).filter(({ p }) => p.series === series).sort((a, b) => a.t - b.t);
    if (own.length === 0) continue;
    doc.lineWidth(1.1).strokeColor(SERIES_COLOR[series]);
    own.forEach(({ p, t }, i) => (i === 0 ? doc.moveTo(xOf(t), yOf(p.score)) : doc.lineTo(xOf(t), yOf(p.score))));
    if (own.length > 1) doc.stroke();
    for (const { p, t } of own) marker(doc, series, xOf(t), yOf(p.score));
  }
  doc.restore();
}

/** Practice: a circle; exam: a square (told apart without colour, too). */
function marker(doc: Doc, series: ScorePoint['series'], x: number, y: number) {
  if (series === 'practice') doc.circle(x, y, 2.4).fill(SERIES_COLOR.practice);
  else doc.rect(x - 2.4, y - 2.4, 4.8, 4.8).fill(SERIES_COLOR.exam);
}
