// A horizontal bar chart drawn in SVG (no chart library): one row per bar, its label above it and its value
// written beside it. The SVG is an image with a short label; the same numbers are in a table for screen
// readers (visually hidden: sighted readers have the values on the bars).

import { useEffect, useRef, useState, type ReactNode } from 'react';

export interface Bar {
  key: string;
  label: string;
  /** 0..1 of the chart's width; null: no bar (nothing to measure), only the value text. */
  fraction: number | null;
  valueText: string;
  tone?: 'accent' | 'danger';
}

/** The width drawn before the chart's box is measured (and where no ResizeObserver exists). */
const FIRST_WIDTH = 560;
const MIN_WIDTH = 280;
const ROW = 46;
const LABEL_Y = 16;
const BAR_Y = 22;
const BAR_H = 16;
const VALUE_GAP = 8;
/** Room kept at the right for the value text of a full bar. */
const VALUE_ROOM = 230;

/** The box's width in CSS pixels, so that the SVG is drawn 1:1 and its text stays at the UI's size. */
function useBoxWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(FIRST_WIDTH);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(MIN_WIDTH, Math.floor(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/** SVG text with its Chinese characters marked as Chinese (an English heading may quote the standard: "米-pattern"). */
function MixedSvgText({ text }: { text: string }) {
  return (
    <>
      {text.split(/([\u3400-\u9fff\uf900-\ufaff]+)/).map((part, i) =>
        i % 2 === 1 ? (
          <tspan key={i} lang="zh">
            {part}
          </tspan>
        ) : (
          part
        ),
      )}
    </>
  );
}

export function BarChart({ title, bars, table }: { title: string; bars: readonly Bar[]; table: ReactNode }) {
  const { ref, width } = useBoxWidth();
  const height = bars.length * ROW + 4;
  const track = width - VALUE_ROOM;
  return (
    <div className="bar-chart" ref={ref}>
      <svg className="bar-chart-svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={title}>
        {bars.map((b, i) => {
          const y = i * ROW;
          const w = b.fraction === null ? 0 : Math.max(b.fraction > 0 ? 2 : 0, Math.round(b.fraction * track));
          return (
            <g key={b.key} data-bar={b.key}>
              <text x={0} y={y + LABEL_Y} className="bar-chart-label">
                <MixedSvgText text={b.label} />
              </text>
              <rect x={0} y={y + BAR_Y} width={track} height={BAR_H} rx={3} className="bar-chart-track" />
              {w > 0 && <rect x={0} y={y + BAR_Y} width={w} height={BAR_H} rx={3} className={`bar-chart-bar bar-chart-bar-${b.tone ?? 'accent'}`} />}
              <text x={track + VALUE_GAP} y={y + BAR_Y + BAR_H - 3} className="bar-chart-value">
                {b.valueText}
              </text>
            </g>
          );
        })}
      </svg>
      <div className="visually-hidden">{table}</div>
    </div>
  );
}
