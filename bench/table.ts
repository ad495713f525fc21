// Shared helpers for `npm run bench`: timing and a printed table.

export interface BenchRow {
  group: string;
  name: string;
  /** Named figures, e.g. { 'median ms': 12.3, 'p99 us': 410 }. */
  figures: Record<string, number | string>;
  /** Target in words, e.g. 'p99 < 500 us', and whether it was met. */
  target?: string;
  met?: boolean;
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

/** Runs fn `runs` times after `warmup` runs and returns sorted durations in ms. */
export function timeRuns(fn: () => void, runs: number, warmup = 2): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
  }
  return out.sort((a, b) => a - b);
}

export function formatFigure(v: number | string): string {
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3);
}

export function printTable(rows: BenchRow[]): string {
  const lines = rows.map((r) => [
    r.group,
    r.name,
    Object.entries(r.figures)
      .map(([k, v]) => `${k}: ${formatFigure(v)}`)
      .join(', '),
    r.target ? `${r.target} ${r.met === undefined ? '' : r.met ? 'MET' : 'NOT MET'}` : '',
  ]);
  const header = ['group', 'benchmark', 'figures', 'target'];
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c].length)));
  const fmt = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [fmt(header), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...lines.map(fmt)].join('\n');
}
